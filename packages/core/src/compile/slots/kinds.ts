import type { RenderState } from '../../evaluate/state.js';
import { OMIT, type Evaluator, type RenderNode, type Scope } from '../env.js';

export type Rec = Record<string, unknown>;
export type Miss = (s: Scope, st: RenderState) => undefined;

/**
 * What a whole-value placeholder does around its path (see compile/whole.ts): `slow` is the complete
 * generic node (used while diagnostics are collected), `absent` applies the missing policy, `finish`
 * counts and returns any resolved value.
 */
export interface WholeHooks {
  slow: RenderNode;
  absent: (st: RenderState) => unknown;
  finish: (x: unknown, st: RenderState) => unknown;
}

/**
 * Makes the reader of one context path `root.k0.k1…` (keys: names, never `__proto__` or `length`):
 * an evaluator, or with `whole`, the complete node of a whole-value placeholder.
 */
export type PathSlot = (
  root: string,
  keys: readonly string[],
  miss: Miss,
  whole: WholeHooks | null,
) => Evaluator;
/** Makes the builder of one object with literal keys (never `__proto__`), in template order. */
export type ObjectSlot = (
  keys: readonly string[],
  values: readonly RenderNode[],
  overhead: number,
  Shape: new () => Rec,
) => RenderNode;

export const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Object.prototype, read to prove a found value is own without calling hasOwnProperty. When an object's
 * `constructor` is `Object` (every object JSON.parse or a provider makes), a value found under a key is
 * own unless it is the very value Object.prototype holds there; then hasOwnProperty decides. So no
 * built-in member (constructor, toString, hasOwnProperty…) and nothing polluted into Object.prototype is
 * ever read. `__proto__`, the one accessor there, never reaches this check (its paths take the generic
 * reader). One difference from hasOwnProperty remains, for objects a caller builds with
 * `Object.create(plainObject)`: that plain prototype's own data reads as if it were the object's own.
 */
export const OP = Object.prototype as unknown as Rec;

/**
 * A constructor of plain objects for one object node: `new Shape()` is an object whose prototype is
 * Object.prototype, as `{}` gives, but V8 sizes its instances by what was stored into the first few
 * (slack tracking), so all the members live inside the object — no separate property array that `{}`
 * must allocate and grow past four members. One skeleton instance, with the keys in order, is kept for
 * good so a major GC cannot drop the hidden classes the builder's optimised code relies on.
 */
export function shape(keys: readonly string[]): new () => Rec {
  function Shape(): void {}
  Shape.prototype = Object.prototype;
  const make = Shape as unknown as new () => Rec;
  const skeleton = new make();
  for (const key of keys) skeleton[key] = null;
  skeletons.push(skeleton);
  return make;
}

const skeletons: Rec[] = [];

export function done(o: Rec, st: RenderState, overhead: number): Rec {
  st.addOutput(overhead);
  return o;
}

/** Members past the unrolled ones: the same work in a loop. */
export function rest(
  o: Rec,
  keys: readonly string[],
  values: readonly RenderNode[],
  from: number,
  s: Scope,
  st: RenderState,
  overhead: number,
): Rec {
  for (let i = from; i < keys.length; i++) {
    const v = (values[i] as RenderNode)(s, st);
    if (v !== OMIT) o[keys[i] as string] = v;
  }
  return done(o, st, overhead);
}
