import type { RenderNode } from '../env.js';
import type { Evaluator } from '../env.js';
import type { Miss, ObjectSlot, PathSlot, WholeHooks } from './kinds.js';
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

  has(signature: string): boolean {
    return this.taken.has(signature);
  }

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
export function slotPath(root: string, keys: readonly string[], miss: Miss, whole: WholeHooks | null = null): Evaluator | undefined {
  if (keys.length > PATH_KEYS || root === '__proto__' || keys.includes('__proto__')) return undefined;
  return paths.get(keys.length === 0 ? root : `${root}\u0000${keys.join('\u0000')}`)?.(root, keys, miss, whole);
}

/**
 * One object per object signature, holding the same keys in the same order: it keeps the hidden classes of
 * the rendered objects alive, so a major GC after all outputs died does not drop them (and the optimised
 * code of the builders that depends on them).
 */
const skeletons: Record<string, unknown>[] = [];

/** A dedicated builder for an object with these literal keys, or undefined when the pool is used up. */
export function slotObject(keys: readonly string[], values: readonly RenderNode[], overhead: number): RenderNode | undefined {
  if (keys.length === 0 || keys.includes('__proto__')) return undefined;
  const signature = keys.join('\u0000');
  const fresh = !objects.has(signature);
  const slot = objects.get(signature);
  if (slot && fresh) {
    const skeleton: Record<string, unknown> = {};
    for (const key of keys) skeleton[key] = null;
    skeletons.push(skeleton);
  }
  return slot?.(keys, values, overhead);
}
