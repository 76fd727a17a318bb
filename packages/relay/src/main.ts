/** Run a relay from the environment (used by tests' child processes and `node dist/main.js`). */
import { optionsFromEnv } from './config.js';
import { startRelay } from './relay.js';

const relay = await startRelay(optionsFromEnv());
process.stdout.write(JSON.stringify({ listening: relay.url, worker: relay.worker.id }) + '\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void relay.close().then(() => process.exit(0));
  });
}
