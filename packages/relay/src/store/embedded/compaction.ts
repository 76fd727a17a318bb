/** The state of a background compaction of the write-ahead log (wal.ts). */
import type { Apply, WalOp } from './wal.js';
import type { WalFile } from './wal-fs.js';

/** What the store gives a compaction: its live state, and how to apply moved bodies. */
export interface Compaction {
  snapshot: () => WalOp[][];
  /** Segments that live bodies point into, read after the snapshot's bodies moved. */
  live: () => Set<number>;
  apply: Apply;
}

export interface Snapshotting {
  job: Compaction;
  /** The segment number the snapshot becomes. */
  segment: number;
  /** The operations of every append made since the snapshot was taken, in log order, bodies as references. */
  tail: WalOp[][];
  file: WalFile | null;
  /** Bytes of snapshot written. */
  position: number;
  records: number;
  /** Event puts whose body the snapshot wrote into the new segment. */
  moved: WalOp[];
  finished: boolean;
  failure: Error | null;
  done: Promise<void>;
}

/** An append's operations as the tail of a snapshot holds them: bodies by reference only. */
export function tailOps(ops: WalOp[]): WalOp[] {
  return ops.map((op) =>
    op.op === 'put' && op.blob !== undefined
      ? { op: 'put', c: op.c, v: op.v, ...(op.b ? { b: op.b } : {}) }
      : op,
  );
}
