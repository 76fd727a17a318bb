/**
 * The log format before segments: one JSON array of operations per line in `relay.log.jsonl`. Read
 * line by line from a stream (never the whole file in one string) so an old data directory of any
 * size still opens; the store then writes a snapshot in the current format and removes the file.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { corrupt } from './wal-errors.js';
import type { Apply, WalOp } from './wal.js';
import type { Logger } from '../../log.js';

export async function replayLegacyLog(path: string, apply: Apply, log: Logger): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let offset = 0;
  let count = 0;
  let broken: { offset: number; length: number } | null = null;
  for await (const line of lines) {
    const at = offset;
    offset += Buffer.byteLength(line, 'utf8') + 1;
    if (!line) continue;
    if (broken) throw corrupt(path, broken.offset, 'a line that is not JSON');
    let ops: WalOp[];
    try {
      ops = JSON.parse(line) as WalOp[];
    } catch {
      broken = { offset: at, length: line.length }; // an error unless it turns out to be the last line
      continue;
    }
    for (const op of ops) apply(op);
    count += ops.length;
  }
  if (broken) {
    log.warn('embedded store: ignored a torn last line of the old log (it was never acknowledged)', {
      file: path,
      offset: broken.offset,
      droppedBytes: broken.length,
    });
  }
  return count;
}
