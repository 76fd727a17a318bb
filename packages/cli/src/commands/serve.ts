import { CliError, errorMessage } from '../io/errors.js';
import type { Ui } from '../lib/ui.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
  databaseUrl?: string;
  adminToken?: string;
}

/**
 * What @hookmap/relay must export for `hookmap serve`: startRelay(options) → { url, close() }.
 * Options left out fall back to the relay's defaults (and, when it exports optionsFromEnv, its
 * HOOKMAP_* environment variables).
 */
export interface RelayOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  adminToken?: string;
}
export type StartRelay = (options: RelayOptions) => Promise<{ url: string; close(): Promise<void> | void }>;

interface RelayModule {
  startRelay: StartRelay;
  optionsFromEnv?: (env: NodeJS.ProcessEnv) => RelayOptions;
}

// A variable specifier keeps the relay (fastify, pg) out of the import graph of every other command.
const RELAY_MODULE = '@hookmap/relay';

/** hookmap serve: start the relay and keep running until SIGINT/SIGTERM. */
export async function serveCommand(options: ServeOptions, ui: Ui): Promise<void> {
  const flags = flagOptions(options);
  const relayModule = await loadRelay();
  const relay = await relayModule.startRelay({ ...relayModule.optionsFromEnv?.(ui.env), ...flags });
  ui.out(`hookmap relay listening on ${relay.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  ui.err('stopping relay…');
  await relay.close();
}

function flagOptions(options: ServeOptions): RelayOptions {
  const result: RelayOptions = {};
  if (options.port !== undefined) result.port = parsePort(options.port);
  if (options.host !== undefined) result.host = options.host;
  if (options.data !== undefined) result.dataDir = options.data;
  if (options.databaseUrl !== undefined) result.databaseUrl = options.databaseUrl;
  if (options.adminToken !== undefined) result.adminToken = options.adminToken;
  return result;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`invalid port "${text}"`);
  return port;
}

async function loadRelay(): Promise<RelayModule> {
  let mod: { startRelay?: unknown; optionsFromEnv?: unknown };
  try {
    mod = (await import(RELAY_MODULE)) as typeof mod;
  } catch (error) {
    throw new CliError(
      `the relay is not available: cannot load ${RELAY_MODULE} (${errorMessage(error)}); build it with pnpm run build`,
      {
        cause: error,
      },
    );
  }
  if (typeof mod.startRelay !== 'function') {
    throw new CliError(`the relay is not available: ${RELAY_MODULE} does not export startRelay(options)`);
  }
  return mod as RelayModule;
}
