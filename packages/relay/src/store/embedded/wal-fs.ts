/**
 * The few file operations the write-ahead log needs, as an interface so tests can inject a disk
 * that fails (ENOSPC, short writes). Node's `FileHandle` satisfies `WalFile`.
 */
import { open } from 'node:fs/promises';

export interface WalFile {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

export interface WalFs {
  open(path: string, flags: 'r' | 'r+' | 'w'): Promise<WalFile>;
}

export const nodeFs: WalFs = { open: (path, flags) => open(path, flags) };

/** Write all of `data` at `position`; a write that makes no progress is a full disk. */
export async function writeFully(file: WalFile, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await file.write(data, done, data.length - done, position + done);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error(`short write: ${done} of ${data.length} bytes reached the disk`), {
        code: 'ENOSPC',
      });
    }
    done += bytesWritten;
  }
}

/** Read up to `length` bytes at `position` (fewer only at the end of the file). */
export async function readFully(file: WalFile, length: number, position: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await file.read(out, got, length - got, position + got);
    if (bytesRead <= 0) break;
    got += bytesRead;
  }
  return got === length ? out : out.subarray(0, got);
}
