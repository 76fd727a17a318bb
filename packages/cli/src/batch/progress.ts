import { SingleBar } from 'cli-progress';

export interface Counts {
  rendered: number;
  failed: number;
  /** Left out by the integration's `events`. */
  skipped: number;
}

export interface Progress {
  update(consumed: number, counts: Counts): void;
  stop(): void;
}

const PLAIN_INTERVAL_MS = 2000;

/**
 * A cli-progress bar on stderr when it is a terminal; otherwise a plain count line every couple
 * of seconds, so logs of long runs show life without flooding.
 */
export function createProgress(
  stderr: NodeJS.WriteStream,
  total: number | undefined,
  unit: 'bytes' | 'files',
): Progress {
  if (stderr.isTTY && total !== undefined) return barProgress(stderr, total, unit);
  return plainProgress(stderr);
}

function barProgress(stderr: NodeJS.WriteStream, total: number, unit: 'bytes' | 'files'): Progress {
  const bar = new SingleBar({
    stream: stderr,
    format: `{bar} {percentage}% | {rendered} rendered, {failed} failed | {eta_formatted} left`,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
    fps: 5,
  });
  bar.start(Math.max(total, 1), 0, { rendered: 0, failed: 0, unit });
  return {
    update: (consumed, counts) => bar.update(Math.min(consumed, total), { ...counts }),
    stop: () => bar.stop(),
  };
}

function plainProgress(stderr: NodeJS.WriteStream): Progress {
  let last = Date.now();
  return {
    update: (_consumed, counts) => {
      const now = Date.now();
      if (now - last < PLAIN_INTERVAL_MS) return;
      last = now;
      stderr.write(`batch: ${counts.rendered} rendered, ${counts.failed} failed so far\n`);
    },
    stop: () => undefined,
  };
}
