type Collect = (options?: { type?: 'major' | 'minor' }) => void;
const collect = (globalThis as { gc?: Collect }).gc;

/** True when node runs with --expose-gc, so slices start from a collected heap. */
export const gcAvailable = typeof collect === 'function';

/** Full (major) collection: before each repeat, compile and memory measurements. */
export function fullGc(): void {
  collect?.();
}

/**
 * Young-generation collection (scavenge) before each slice: every slice starts with an empty nursery,
 * at a fraction of a full GC's cost, which a loaded 2-core machine cannot pay 2 000 times per run.
 */
export function minorGc(): void {
  collect?.({ type: 'minor' });
}
