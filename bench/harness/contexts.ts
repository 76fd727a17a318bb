/**
 * Where the contexts of a slice come from.
 * - `fresh`: every op gets a copy it has never seen, as in production where each webhook is a new parse.
 *   Copies are made before the slice (untimed). Needed because a renderer may cache work per object
 *   identity (a WeakMap keyed by payload objects), which a reused input would flatter.
 * - `rotate`: ops cycle through a fixed set of separate copies (16 by default), which stops V8 folding a
 *   single constant input but lets identity caches hit after the first lap.
 */
export type ContextMode = 'fresh' | 'rotate';

export interface ContextSource {
  mode: ContextMode;
  /** Most ops per slice (fresh copies cost memory; rotation is unbounded). */
  cap: number;
  /** The contexts for `count` ops, starting at rotation position `cursor`. */
  take(count: number, cursor: number): object[];
}

/** A deep copy of plain JSON data with new objects and arrays; strings are shared (immutable, never keyed). */
export function freshCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(freshCopy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = freshCopy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

export function rotatingSource(copies: object[]): ContextSource {
  const mask = copies.length - 1;
  if (copies.length === 0 || (copies.length & mask) !== 0) throw new Error('copies must be a power of two');
  return {
    mode: 'rotate',
    cap: Number.POSITIVE_INFINITY,
    take: (count, cursor) => Array.from({ length: count }, (_, i) => copies[(cursor + i) & mask] as object),
  };
}

/** Objects and arrays in a JSON value. */
export function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countObjects(item), 1);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).reduce((sum: number, item) => sum + countObjects(item), 1);
  }
  return 0;
}

/** Copies alive at once are bounded by this many objects (big payloads get fewer ops per slice). */
const objectBudget = 60_000;

export function freshSource(copies: object[], cap: number): ContextSource {
  const perCopy = Math.max(1, countObjects(copies[0]));
  return {
    mode: 'fresh',
    cap: Math.max(16, Math.min(cap, Math.floor(objectBudget / perCopy))),
    take: (count, cursor) =>
      Array.from({ length: count }, (_, i) => freshCopy(copies[(cursor + i) % copies.length] as object)),
  };
}

export function contextSource(mode: ContextMode, copies: object[], freshCap: number): ContextSource {
  return mode === 'fresh' ? freshSource(copies, freshCap) : rotatingSource(copies);
}
