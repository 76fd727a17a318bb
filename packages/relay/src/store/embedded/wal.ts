/**
 * The embedded store's write-ahead log: checksummed records (frames.ts) in numbered segment files
 * under `<dataDir>/wal/`, group-committed (one fdatasync covers every append that arrived while the
 * previous flush ran). A batch counts only once it is fully written and synced: then `apply` runs (in
 * log order) and the caller resolves; a failed write is cut off again and rejected, so memory never
 * holds what the disk does not. Webhook bodies are `blob` records referenced by `{segment, offset}`.
 * Compaction writes the live state as a snapshot at the head of a new segment, records in
 * `manifest.json` that replay starts there, and deletes older segments no live body points into.
 * The snapshot is written in the background (a `.seg.tmp` file) while appends go on to the current
 * segment; the appends made meanwhile are copied after the snapshot (their operations are whole-value
 * puts and deletes, so replaying them over a snapshot that already holds some of them changes nothing),
 * then the file is renamed into place and the manifest switched (compaction.ts).
 */
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { FrameKind, HEADER_BYTES, checksum, encodeFrame, readHeader } from './frames.js';
import { intactRecordAfter, scanSegment } from './segment-scan.js';
import { WalError, corrupt } from './wal-errors.js';
import { replayLegacyLog } from './legacy-log.js';
import { nodeFs, readFully, writeFully } from './wal-fs.js';
import type { WalFile, WalFs } from './wal-fs.js';
import type { Logger } from '../../log.js';
import { tailOps } from './compaction.js';
import type { Compaction, Snapshotting } from './compaction.js';

/** Where a body lives: segment number, offset of its record, payload length. */
export interface BodyRef {
  s: number;
  o: number;
  n: number;
}

/** `blob` is an in-memory body the log writes as its own record, replacing it by `b`. */
export type WalOp =
  | { op: 'put'; c: string; v: { id: string }; blob?: string; b?: BodyRef }
  | { op: 'del'; c: string; id: string };

export type Apply = (op: WalOp) => void;

export interface WalOptions {
  fs?: WalFs;
  /** Start a new segment once the current one reaches this size. Default 64 MiB. */
  segmentBytes?: number;
  /** Compact once this many bytes were appended since the last snapshot (and twice its size). Default `segmentBytes`. */
  compactAfterBytes?: number | undefined;
  /** The single-file log of earlier versions, replayed once when no manifest exists yet. */
  legacyPath?: string;
  log: Logger;
}

interface Pending {
  ops: WalOp[];
  apply: Apply;
  resolve: () => void;
  reject: (error: Error) => void;
}

const SEGMENT = /^(\d{16})\.seg$/;
const WRITE_CHUNK = 8 * 1024 * 1024;

export class WriteAheadLog {
  private readonly fs: WalFs;
  private readonly segmentBytes: number;
  private handle: WalFile | null = null;
  private segment = 0;
  private position = 0;
  private replayFrom = 1;
  private buffer: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private compaction: Compaction | null = null;
  /** The snapshot being written in the background, and the appends made since it was taken. */
  private snapshotting: Snapshotting | null = null;
  private opsSinceCompaction = 0;
  /** Bytes appended since the last snapshot, and the snapshot's own size. */
  private bytesSinceCompaction = 0;
  private snapshotBytes = 0;
  private compactionFailedAt = 0;
  /** The old single-file log, deleted once a snapshot in this format holds its records. */
  private legacy: string | null = null;

  constructor(
    readonly dir: string,
    private readonly options: WalOptions,
  ) {
    this.fs = options.fs ?? nodeFs;
    this.segmentBytes = options.segmentBytes ?? 64 * 1024 * 1024;
  }

  /** Operations written since the last snapshot (a snapshot counts as its own records). */
  get opCount(): number {
    return this.opsSinceCompaction;
  }

  /** Segments replay reads; more than one means older ones wait for a compaction to be freed. */
  get replaySegments(): number {
    return this.segment - this.replayFrom + 1;
  }

  /**
   * Whether a snapshot would free space: the log has grown past a segment and past twice the last
   * snapshot since then (so a large live state is not rewritten over and over).
   */
  worthCompacting(): boolean {
    const after = this.options.compactAfterBytes ?? this.segmentBytes;
    return this.bytesSinceCompaction > Math.max(after, 2 * this.snapshotBytes);
  }

  segmentPath(s: number): string {
    return join(this.dir, `${String(s).padStart(16, '0')}.seg`);
  }

  /**
   * Apply every intact record from the manifest's starting segment on, reading record by record. A
   * damaged record at the end of the last segment is a torn write (never acknowledged): logged and cut
   * off. Damage anywhere else is an error naming the file and offset.
   */
  async replay(apply: Apply): Promise<{ legacy: boolean }> {
    await mkdir(this.dir, { recursive: true });
    await this.removeUnfinishedSnapshots();
    const segments = await this.listSegments();
    const manifest = await this.readManifest();
    const legacy = this.options.legacyPath;
    if (legacy && (await exists(legacy))) {
      this.legacy = legacy;
      if (!manifest) this.opsSinceCompaction += await replayLegacyLog(legacy, apply, this.options.log);
    }
    this.replayFrom = manifest?.replayFrom ?? segments[0] ?? 1;
    if (manifest && !segments.includes(manifest.replayFrom)) {
      throw new WalError(
        'WAL_CORRUPT',
        `${join(this.dir, 'manifest.json')} starts the log at segment ${manifest.replayFrom}, which is missing: restore the data directory from a backup`,
      );
    }
    const toRead = segments.filter((s) => s >= this.replayFrom);
    for (const [i, s] of toRead.entries()) await this.replaySegment(s, apply, i === toRead.length - 1);
    this.segment = segments.at(-1) ?? 0;
    if (this.segment === 0) {
      this.segment = 1;
      this.replayFrom = 1;
      this.handle = await this.fs.open(this.segmentPath(1), 'w');
      await syncDir(this.dir);
    } else {
      this.handle = await this.fs.open(this.segmentPath(this.segment), 'r+');
      this.position = (await this.handle.stat()).size;
    }
    if (this.legacy && manifest) await this.dropLegacy();
    return { legacy: this.legacy !== null };
  }

  private async replaySegment(s: number, apply: Apply, last: boolean): Promise<void> {
    const path = this.segmentPath(s);
    const file = await this.fs.open(path, last ? 'r+' : 'r');
    try {
      const size = (await file.stat()).size;
      const { bad } = await scanSegment(file, size, (kind, payload, offset) => {
        if (kind !== FrameKind.Ops) return;
        let ops: WalOp[];
        try {
          ops = JSON.parse(payload.toString('utf8')) as WalOp[];
        } catch {
          throw corrupt(path, offset, 'a record with a valid checksum is not JSON');
        }
        for (const op of ops) apply(op);
        this.opsSinceCompaction += ops.length;
      });
      this.bytesSinceCompaction += size;
      if (!bad) return;
      const later = last ? await intactRecordAfter(file, size, bad.offset) : null;
      if (!last || later !== null) throw corrupt(path, bad.offset, bad.reason);
      this.options.log.warn(
        'embedded store: cut off a torn write at the end of the log (it was never acknowledged)',
        {
          file: path,
          offset: bad.offset,
          droppedBytes: size - bad.offset,
          reason: bad.reason,
        },
      );
      await file.truncate(bad.offset);
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  /** Resolves once `ops` are durable, after `apply` saw them (bodies replaced by references). */
  append(ops: WalOp[], apply: Apply): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.buffer.push({ ops, apply, resolve, reject });
      this.kick();
    });
  }

  /** Write a snapshot at the next safe point between flushes (see the file comment). */
  requestCompaction(compaction: Compaction): void {
    if (Date.now() - this.compactionFailedAt < 60_000) return; // a full disk: do not retry on every write
    this.compaction = compaction;
    this.kick();
  }

  async readBody(ref: BodyRef): Promise<string> {
    const path = this.segmentPath(ref.s);
    const file = await this.fs.open(path, 'r');
    try {
      const frame = await readFully(file, HEADER_BYTES + ref.n, ref.o);
      const header = readHeader(frame);
      const payload = frame.subarray(HEADER_BYTES);
      if (
        typeof header === 'string' ||
        header.length !== ref.n ||
        checksum(header.kind, payload) !== header.crc
      ) {
        throw corrupt(
          path,
          ref.o,
          typeof header === 'string' ? header : 'body record does not match its checksum',
        );
      }
      return payload.toString('utf8');
    } finally {
      await file.close();
    }
  }

  private async flushLoop(): Promise<void> {
    for (;;) {
      const run = this.snapshotting;
      if (run?.finished) {
        this.snapshotting = null;
        this.compaction = null; // asked for while this one ran: the counters start over now
        await this.finishCompaction(run);
        continue;
      }
      if (this.compaction && !run) {
        const job = this.compaction;
        this.compaction = null;
        try {
          this.startCompaction(job);
        } catch (error) {
          this.compactionFailed(error);
        }
        continue;
      }
      if (this.buffer.length === 0) break;
      const batch = this.buffer;
      this.buffer = [];
      try {
        if (this.position >= this.segmentBytes && !this.snapshotting) await this.rotate();
        const chunks: Buffer[] = [];
        let at = this.position;
        const encoded = batch.map((p) => {
          const { frames, ops } = this.encode(p.ops, at);
          for (const f of frames) {
            chunks.push(f);
            at += f.length;
          }
          return ops;
        });
        const data = Buffer.concat(chunks);
        await this.writeDurably(data);
        this.bytesSinceCompaction += data.length;
        batch.forEach((p, i) => {
          for (const op of encoded[i]!) p.apply(op);
          this.opsSinceCompaction += p.ops.length;
        });
        const tail = this.snapshotting?.tail;
        if (tail) for (const ops of encoded) tail.push(tailOps(ops));
        for (const p of batch) p.resolve();
      } catch (error) {
        const failure = new WalError(
          'WAL_WRITE_FAILED',
          `could not write to the embedded store's log: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
        for (const p of batch) p.reject(failure);
      }
    }
  }

  /**
   * Start the flush loop unless it runs. `flushing` is cleared after an await, so it is never left set
   * by a loop that found nothing to do and ended before the assignment.
   */
  private kick(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      try {
        await this.flushLoop();
      } catch (error) {
        this.options.log.error('embedded store: the log writer stopped on an error', {
          error: (error as Error).message,
        });
      } finally {
        this.flushing = null;
      }
    })();
  }

  /** Frames for one append starting at `at`: each body its own record, then the operations. */
  private encode(ops: WalOp[], at: number, segment = this.segment): { frames: Buffer[]; ops: WalOp[] } {
    const frames: Buffer[] = [];
    const out = ops.map((op): WalOp => {
      if (op.op !== 'put' || op.blob === undefined) return op;
      const bytes = Buffer.from(op.blob, 'utf8');
      const frame = encodeFrame(FrameKind.Blob, bytes);
      frames.push(frame);
      const ref = { s: segment, o: at, n: bytes.length };
      at += frame.length;
      return { op: 'put', c: op.c, v: op.v, b: ref, blob: op.blob };
    });
    const json = JSON.stringify(
      out.map((op) => (op.op === 'put' && op.blob !== undefined ? { ...op, blob: undefined } : op)),
    );
    frames.push(encodeFrame(FrameKind.Ops, Buffer.from(json, 'utf8')));
    return { frames, ops: out };
  }

  /** Write at the tail and sync; on failure cut the file back so the next write starts clean. */
  private async writeDurably(data: Buffer): Promise<void> {
    const handle = this.requireHandle();
    const start = this.position;
    try {
      await writeFully(handle, data, start);
      await handle.datasync();
      this.position = start + data.length;
    } catch (error) {
      await handle.truncate(start).catch(() => undefined); // if this fails too, the next write overwrites from `start`
      throw error;
    }
  }

  private async rotate(): Promise<void> {
    const next = await this.fs.open(this.segmentPath(this.segment + 1), 'w');
    await syncDir(this.dir);
    await this.requireHandle().close();
    this.handle = next;
    this.segment++;
    this.position = 0;
  }

  /**
   * Take the snapshot now (between two appends: it holds exactly what was applied) and write it to
   * `<next segment>.seg.tmp` in the background; the flush loop finishes the compaction once it is written.
   */
  private startCompaction(job: Compaction): void {
    const run: Snapshotting = {
      job,
      segment: this.segment + 1,
      tail: [],
      file: null,
      position: 0,
      records: 0,
      moved: [],
      finished: false,
      failure: null,
      done: Promise.resolve(),
    };
    const lines = job.snapshot();
    this.snapshotting = run;
    run.done = this.writeSnapshot(run, lines)
      .catch((error: Error) => {
        run.failure = error;
      })
      .finally(() => {
        run.finished = true;
        this.kick();
      });
  }

  private async writeSnapshot(run: Snapshotting, lines: WalOp[][]): Promise<void> {
    const s = run.segment;
    run.file = await this.fs.open(`${this.segmentPath(s)}.tmp`, 'w');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      await writeFully(run.file!, data, run.position);
      run.position += data.length;
    };
    for (const [i, line] of lines.entries()) {
      const { frames, ops } = this.encode(line, run.position + pendingBytes, s);
      for (const f of frames) {
        pending.push(f);
        pendingBytes += f.length;
      }
      for (const op of ops) if (op.op === 'put' && op.b?.s === s) run.moved.push(op);
      run.records += line.length;
      if (pendingBytes >= WRITE_CHUNK) await flush();
      else if (i % 4 === 3) await new Promise((resolve) => setImmediate(resolve)); // let appends and requests in
    }
    await flush();
    await run.file.datasync();
  }

  /**
   * With no append in flight: copy the appends made while the snapshot was written after it, sync, rename
   * the file into place and start replay there. On failure the log stays as it was.
   */
  private async finishCompaction(run: Snapshotting): Promise<void> {
    const s = run.segment;
    const tmp = `${this.segmentPath(s)}.tmp`;
    let position = run.position;
    try {
      if (run.failure) throw run.failure;
      const out = run.file!;
      const data = Buffer.concat(
        run.tail.map((ops) => encodeFrame(FrameKind.Ops, Buffer.from(JSON.stringify(ops), 'utf8'))),
      );
      await writeFully(out, data, position);
      position += data.length;
      await out.datasync();
      await rename(tmp, this.segmentPath(s));
      await syncDir(this.dir);
    } catch (error) {
      await run.file?.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      this.compactionFailed(error);
      return;
    }
    // From here the snapshot is the start of the log.
    const old = this.requireHandle();
    this.handle = run.file;
    await old.close().catch(() => undefined);
    this.segment = s;
    this.position = position;
    const tailCount = run.tail.reduce((n, ops) => n + ops.length, 0);
    this.opsSinceCompaction = run.records + tailCount;
    this.snapshotBytes = run.position;
    this.bytesSinceCompaction = position - run.position;
    // Bodies the snapshot moved into the new segment: point at them there, unless the event changed since.
    if (run.moved.length > 0) {
      const touched = new Set(
        run.tail.flat().flatMap((op) => (op.c === 'events' ? [op.op === 'put' ? op.v.id : op.id] : [])),
      );
      for (const op of run.moved) if (op.op === 'put' && !touched.has(op.v.id)) run.job.apply(op);
    }
    try {
      await this.writeManifest(s);
    } catch (error) {
      // Replay still starts at the old segments and reads this one after them: the same state.
      this.compactionFailed(error);
      return;
    }
    this.replayFrom = s;
    await this.dropLegacy();
    const live = run.job.live();
    for (const old of await this.listSegments()) {
      if (old < s && !live.has(old)) await unlink(this.segmentPath(old)).catch(() => undefined);
    }
    await syncDir(this.dir);
  }

  /** A compaction that could not finish: logged, and not tried again for a minute (a full disk). */
  private compactionFailed(error: unknown): void {
    this.compactionFailedAt = Date.now();
    this.options.log.warn('embedded store: compaction failed; the log stays as it was', {
      error: (error as Error).message,
    });
  }

  /** A snapshot left by a process that died while writing it: never part of the log. */
  private async removeUnfinishedSnapshots(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names)
      if (/^\d{16}\.seg\.tmp$/.test(name)) await unlink(join(this.dir, name)).catch(() => undefined);
  }

  /** Delete segments before the replay start that no live body points into (after a crash mid-compaction). */
  async collect(live: Set<number>): Promise<void> {
    for (const old of await this.listSegments()) {
      if (old < this.replayFrom && !live.has(old)) await unlink(this.segmentPath(old)).catch(() => undefined);
    }
  }

  private async dropLegacy(): Promise<void> {
    if (!this.legacy) return;
    await unlink(this.legacy).catch(() => undefined);
    this.legacy = null;
  }

  private async writeManifest(replayFrom: number): Promise<void> {
    const path = join(this.dir, 'manifest.json');
    await writeFile(`${path}.tmp`, JSON.stringify({ version: 1, replayFrom }) + '\n', { flush: true });
    await rename(`${path}.tmp`, path);
    await syncDir(this.dir);
  }

  private async readManifest(): Promise<{ replayFrom: number } | null> {
    try {
      const m = JSON.parse(await readFile(join(this.dir, 'manifest.json'), 'utf8')) as {
        replayFrom?: unknown;
      };
      if (typeof m.replayFrom !== 'number') throw new Error('no replayFrom');
      return { replayFrom: m.replayFrom };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new WalError(
        'WAL_CORRUPT',
        `cannot read ${join(this.dir, 'manifest.json')}: ${(error as Error).message}`,
      );
    }
  }

  private async listSegments(): Promise<number[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .flatMap((n) => {
        const m = SEGMENT.exec(n);
        return m ? [Number(m[1])] : [];
      })
      .sort((a, b) => a - b);
  }

  /** Wait for pending appends (and a requested compaction) to finish. */
  async drain(): Promise<void> {
    while (this.flushing || this.snapshotting) {
      if (this.flushing) await this.flushing;
      else await this.snapshotting?.done;
    }
  }

  async close(): Promise<void> {
    await this.drain();
    await this.handle?.close();
    this.handle = null;
  }

  private requireHandle(): WalFile {
    if (!this.handle)
      throw new WalError('WAL_CLOSED', 'the embedded store is closed; open it again before writing');
    return this.handle;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
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
