const collect = (globalThis as { gc?: () => void }).gc;

/** True when node runs with --expose-gc, so slices start from a collected heap. */
export const gcAvailable = typeof collect === 'function';

export function fullGc(): void {
  collect?.();
}
