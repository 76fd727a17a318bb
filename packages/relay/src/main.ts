/**
 * Run a relay from the environment (`node dist/main.js`, tests' child processes). A configuration
 * or start-up error is one JSON log line naming the cause, exit code 1, no stack trace; SIGTERM and
 * SIGINT stop it gracefully (`shutdown.ts`) and it exits 0.
 */
import { optionsFromEnv } from './config.js';
import { startRelay } from './relay.js';
import { reportStartFailure, stopOnSignals } from './shutdown.js';

try {
  const relay = await startRelay(optionsFromEnv());
  process.stdout.write(JSON.stringify({ listening: relay.url, worker: relay.worker.id }) + '\n');
  stopOnSignals(relay, (code) => process.exit(code));
} catch (error) {
  reportStartFailure(error);
  process.exit(1);
}
