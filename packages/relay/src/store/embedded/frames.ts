/**
 * The log's record framing: `magic u32 | length u32 | crc32 u32 | kind u8 | payload`, big-endian.
 * The checksum covers the kind byte and the payload, so a torn or flipped record is never read as
 * a good one. `ops` frames hold a JSON array of log operations; `blob` frames hold a webhook body.
 */
import { crc32 } from 'node:zlib';

export const MAGIC = 0x484d5731; // "HMW1"
export const HEADER_BYTES = 13;
/** Larger lengths are garbage, not records (a body is limited far below this). */
export const MAX_PAYLOAD = 512 * 1024 * 1024;

export const FrameKind = { Ops: 1, Blob: 2 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

export function encodeFrame(kind: FrameKind, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  out.writeUInt32BE(MAGIC, 0);
  out.writeUInt32BE(payload.length, 4);
  out.writeUInt8(kind, 12);
  payload.copy(out, HEADER_BYTES);
  out.writeUInt32BE(checksum(kind, payload), 8);
  return out;
}

export function checksum(kind: number, payload: Buffer): number {
  return crc32(payload, crc32(Buffer.of(kind)));
}

export interface FrameHeader {
  length: number;
  crc: number;
  kind: number;
}

/** The header at `buf[at..]`, or a reason it is not one. */
export function readHeader(buf: Buffer, at = 0): FrameHeader | string {
  if (buf.length - at < HEADER_BYTES) return 'incomplete header';
  if (buf.readUInt32BE(at) !== MAGIC) return 'bad magic';
  const length = buf.readUInt32BE(at + 4);
  const kind = buf.readUInt8(at + 12);
  if (length > MAX_PAYLOAD) return 'implausible length';
  if (kind !== FrameKind.Ops && kind !== FrameKind.Blob) return 'unknown record kind';
  return { length, crc: buf.readUInt32BE(at + 8), kind };
}
