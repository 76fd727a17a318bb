/**
 * Append-only JSON-lines log with group commit: every `append` of a batch of writes is one line,
 * and callers resolve only after the line is on disk (fdatasync). Lines that arrive while a flush
 * is running share the next flush, so one fsync covers many accepted webhooks.
 */
import { open, rename, readFile, mkdir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export type WalOp =
  | { op: 'put'; c: string; v: { id: string } }
  | { op: 'del'; c: string; id: string };

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class WriteAheadLog {
  private handle: FileHandle | null = null;
  private buffer: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private linesSinceCompaction = 0;
  private pendingCompaction: (() => WalOp[][]) | null = null;

  constructor(private readonly path: string) {}

  get lineCount(): number {
    return this.linesSinceCompaction;
  }

  /** Read every intact line; a torn last line (crash mid-write) is dropped. */
  async replay(apply: (op: WalOp) => void): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    let text = '';
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n');
    for (const line of lines) {
      if (!line) continue;
      let ops: WalOp[];
      try {
        ops = JSON.parse(line) as WalOp[];
      } catch {
        continue; // torn write: the batch never reached disk whole, so it was never acknowledged
      }
      for (const op of ops) apply(op);
      this.linesSinceCompaction++;
    }
    // A torn tail must not glue onto the next append.
    this.handle = await open(this.path, 'a');
    if (text.length > 0 && !text.endsWith('\n')) await this.handle.write('\n');
  }

  append(ops: WalOp[]): Promise<void> {
    this.buffer.push(JSON.stringify(ops));
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /**
   * Rewrite the log as a snapshot at the next safe point between flushes. Puts carry whole records
   * and deletes are idempotent, so lines appended after the snapshot was taken replay correctly.
   */
  requestCompaction(snapshot: () => WalOp[][]): void {
    this.pendingCompaction = snapshot;
    if (!this.flushing) this.flushing = this.flushLoop();
  }

  private async flushLoop(): Promise<void> {
    while (this.buffer.length > 0 || this.pendingCompaction) {
      if (this.pendingCompaction) {
        const snapshot = this.pendingCompaction;
        this.pendingCompaction = null;
        await this.rewrite(snapshot()).catch(() => undefined); // the old log stays valid on failure
        continue;
      }
      const lines = this.buffer;
      const waiters = this.waiters;
      this.buffer = [];
      this.waiters = [];
      try {
        const handle = this.requireHandle();
        await handle.write(lines.join('\n') + '\n');
        await handle.datasync();
        this.linesSinceCompaction += lines.length;
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error as Error);
      }
    }
    this.flushing = null;
  }

  /** Wait for pending appends to reach disk. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Replace the log with a snapshot, atomically via rename. Runs only inside the flush loop. */
  private async rewrite(snapshot: WalOp[][]): Promise<void> {
    const tmp = `${this.path}.tmp`;
    const out = await open(tmp, 'w');
    try {
      for (const ops of snapshot) await out.write(JSON.stringify(ops) + '\n');
      await out.sync();
    } finally {
      await out.close();
    }
    await this.requireHandle().close();
    await rename(tmp, this.path);
    await syncDir(dirname(this.path));
    this.handle = await open(this.path, 'a');
    this.linesSinceCompaction = snapshot.length;
  }

  async close(): Promise<void> {
    await this.drain();
    await this.handle?.close();
    this.handle = null;
  }

  private requireHandle(): FileHandle {
    if (!this.handle) throw new Error('write-ahead log is closed');
    return this.handle;
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // some file systems refuse fsync on directories; the rename is still atomic
  } finally {
    await handle.close();
  }
}
