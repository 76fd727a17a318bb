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
