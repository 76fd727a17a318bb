/**
 * Graceful stop: stop accepting (inbound answers 503 with Retry-After, /readyz 503, so a load balancer
 * and the providers send elsewhere or later), let attempts in flight finish within the deadline,
 * release the rest (recorded and due again at once), then close the server and the store.
 */
import type { FastifyInstance } from 'fastify';
import type { DeliveryWorker } from './delivery/worker.js';
import type { Logger } from './log.js';
import type { Retention } from './retention.js';
import type { Store } from './store/types.js';
import { ConfigError } from './config-check.js';
import { stderrSink } from './log.js';

/** Seconds a provider is asked to wait before sending again to a stopping relay. */
export const RETRY_AFTER_SECONDS = 5;

/** Whether the relay still takes new webhooks; shared by the HTTP routes and the stop. */
export class Lifecycle {
  draining = false;
}

export interface StopParts {
  lifecycle: Lifecycle;
  app: FastifyInstance;
  worker: DeliveryWorker;
  retention: Retention;
  store: Store;
  closeExtras: () => Promise<void>;
  log: Logger;
  deadlineMs: number;
}

export async function gracefulStop(p: StopParts): Promise<void> {
  const started = Date.now();
  p.lifecycle.draining = true;
  p.log.info('relay stopping: no new webhooks, finishing attempts in flight', {
    inFlight: p.worker.inFlight,
    deadlineMs: p.deadlineMs,
  });
  const released = await p.worker.stop(p.deadlineMs);
  await p.retention.stop();
  // In-flight inbound requests finish (their webhooks are stored) before the store closes.
  await p.app.close();
  await p.closeExtras();
  await p.store.close();
  p.log.info('relay stopped', { released, ms: Date.now() - started });
}

/** SIGTERM / SIGINT: one graceful stop, then `exit(0)`; a stop that hangs past the deadline still exits. */
export function stopOnSignals(
  relay: { close(): Promise<void>; shutdownMs: number },
  exit: (code: number) => void,
): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stderrSink({ level: 'info', msg: 'signal received: stopping', time: new Date().toISOString(), signal });
      const watchdog = setTimeout(() => {
        stderrSink({
          level: 'error',
          msg: 'relay did not stop in time: exiting anyway',
          time: new Date().toISOString(),
        });
        exit(1);
      }, relay.shutdownMs + 5_000);
      watchdog.unref();
      relay.close().then(
        () => exit(0),
        (error: Error) => {
          stderrSink({
            level: 'error',
            msg: `relay stop failed: ${error.message}`,
            time: new Date().toISOString(),
          });
          exit(1);
        },
      );
    });
  }
}

/** A start-up failure as one JSON log line: the variable and what it accepts, or the cause, never a stack trace. */
export function reportStartFailure(error: unknown): void {
  const time = new Date().toISOString();
  if (error instanceof ConfigError) {
    stderrSink({ level: 'error', msg: error.message, time, problems: error.problems });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderrSink({ level: 'error', msg: `relay could not start: ${message}`, time });
}
