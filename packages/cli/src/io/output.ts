import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Write and wait for 'drain' when the stream's buffer is full, so big outputs run in constant memory. */
export async function writeWithBackpressure(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Pretty JSON for people, one line for pipes when asked. */
export function formatJson(value: unknown, compact = false): string {
  return JSON.stringify(value, null, compact ? undefined : 2);
}

/**
 * Collects small writes into ~64 KiB chunks (one syscall per chunk instead of per line) and
 * still honours backpressure.
 */
export class BufferedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    await writeWithBackpressure(this.stream, chunk);
  }
}
