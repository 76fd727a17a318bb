/**
 * Reading a log segment record by record with a bounded buffer (never the whole file), and telling
 * a torn tail (the last write never completed: safe to cut) from damage in the middle (an error).
 */
import type { FrameKind } from './frames.js';
import { HEADER_BYTES, MAGIC, checksum, readHeader } from './frames.js';
import { readFully } from './wal-fs.js';
import type { WalFile } from './wal-fs.js';

const CHUNK = 1024 * 1024;

class ChunkReader {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly file: WalFile,
    private readonly size: number,
  ) {}

  /** Bytes [pos, pos + n), or null when the file ends first. */
  async get(pos: number, n: number): Promise<Buffer | null> {
    if (pos + n > this.size) return null;
    const from = pos - this.start;
    if (from >= 0 && from + n <= this.buf.length) return this.buf.subarray(from, from + n);
    const buf = await readFully(this.file, Math.min(Math.max(n, CHUNK), this.size - pos), pos);
    if (buf.length < n) return null;
    this.buf = buf;
    this.start = pos;
    return buf.subarray(0, n);
  }
}

export interface BadRecord {
  offset: number;
  reason: string;
}

export interface ScanResult {
  /** Offset just past the last intact record. */
  end: number;
  bad: BadRecord | null;
}

export type FrameVisitor = (kind: FrameKind, payload: Buffer, offset: number) => void;

/** Visit intact records from `from` until the end or the first damaged one. */
export async function scanSegment(
  file: WalFile,
  size: number,
  visit: FrameVisitor,
  from = 0,
): Promise<ScanResult> {
  const reader = new ChunkReader(file, size);
  let pos = from;
  while (pos < size) {
    const bad = await frameAt(reader, pos, visit);
    if (typeof bad === 'string') return { end: pos, bad: { offset: pos, reason: bad } };
    pos = bad;
  }
  return { end: pos, bad: null };
}

/** The end of the intact record at `pos`, or why there is none. */
async function frameAt(reader: ChunkReader, pos: number, visit?: FrameVisitor): Promise<number | string> {
  const head = await reader.get(pos, HEADER_BYTES);
  if (!head) return 'incomplete record header';
  const header = readHeader(head);
  if (typeof header === 'string') return header;
  const payload = await reader.get(pos + HEADER_BYTES, header.length);
  if (!payload) return 'record cut short';
  if (checksum(header.kind, payload) !== header.crc) return 'checksum mismatch';
  visit?.(header.kind as FrameKind, payload, pos);
  return pos + HEADER_BYTES + header.length;
}

/** The offset of an intact record after `after`, if any: then the damage is not a torn tail. */
export async function intactRecordAfter(file: WalFile, size: number, after: number): Promise<number | null> {
  const magic = Buffer.alloc(4);
  magic.writeUInt32BE(MAGIC);
  const probe = new ChunkReader(file, size);
  for (let base = after + 1; base < size; base += CHUNK) {
    const chunk = await readFully(file, Math.min(CHUNK + 3, size - base), base);
    for (let i = chunk.indexOf(magic); i !== -1 && i < CHUNK; i = chunk.indexOf(magic, i + 1)) {
      if (typeof (await frameAt(probe, base + i)) === 'number') return base + i;
    }
  }
  return null;
}
