import type { Evaluator, RenderNode } from '../env.js';
import { shape, type Miss, type ObjectSlot, type PathSlot, type WholeHooks } from './kinds.js';
import { objectSlots } from './objects.generated.js';
import { PATH_KEYS, pathSlots } from './paths.generated.js';

/**
 * Hands out the generated builders. A signature (the keys) keeps its slot, so the same path in many
 * templates shares one set of inline caches, which stays monomorphic while the payloads have one shape.
 * When a pool is used up, callers fall back to the shared generic builders: same results, slower.
 */
class Pool<T> {
  private readonly taken = new Map<string, T>();
  private next = 0;

  constructor(private readonly slots: readonly T[]) {}

  get(signature: string): T | undefined {
    let slot = this.taken.get(signature);
    if (slot === undefined && this.next < this.slots.length) {
      slot = this.slots[this.next++] as T;
      this.taken.set(signature, slot);
    }
    return slot;
  }
}

const paths = new Pool<PathSlot>(pathSlots);
const objects = new Pool<ObjectSlot>(objectSlots);

/** A dedicated reader for `root.keys…` on the context, or undefined (too long, `__proto__`, pool used up). */
export function slotPath(
  root: string,
  keys: readonly string[],
  miss: Miss,
  whole: WholeHooks | null = null,
): Evaluator | undefined {
  if (keys.length > PATH_KEYS || root === '__proto__' || keys.includes('__proto__')) return undefined;
  return paths.get(keys.length === 0 ? root : `${root}\u0000${keys.join('\u0000')}`)?.(
    root,
    keys,
    miss,
    whole,
  );
}

/** The constructor of each object signature that has a slot (see `shape`): one per signature, for good. */
const shapes = new Map<string, new () => Record<string, unknown>>();

/** A dedicated builder for an object with these literal keys, or undefined when the pool is used up. */
export function slotObject(
  keys: readonly string[],
  values: readonly RenderNode[],
  overhead: number,
): RenderNode | undefined {
  if (keys.length === 0 || keys.includes('__proto__')) return undefined;
  const signature = keys.join('\u0000');
  const slot = objects.get(signature);
  if (!slot) return undefined;
  let make = shapes.get(signature);
  if (!make) {
    make = shape(keys);
    shapes.set(signature, make);
  }
  return slot(keys, values, overhead, make);
}
