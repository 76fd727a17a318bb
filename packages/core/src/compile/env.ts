import type { FilterDef } from '../filters/types.js';
import type { RenderState } from '../evaluate/state.js';
import type { DelimiterMode, Diagnostic, Limits } from '../types.js';

/** Runtime scope: the context plus the names bound by enclosing `$each` / `$let`. */
export interface Scope {
  ctx: Record<string, unknown>;
  vars: Record<string, unknown> | null;
  parent: Scope | null;
}

/** A prepared template node: renders to a value, or OMIT to drop the property/element. */
export type RenderNode = (scope: Scope, state: RenderState) => unknown;
/** A prepared expression: returns `undefined` when it does not resolve. */
export type Evaluator = (scope: Scope, state: RenderState) => unknown;

export const OMIT: unique symbol = Symbol('hookmap.omit');

/** Compile-time state of the JSON walk. */
export interface CompileEnv {
  mode: DelimiterMode;
  limits: Limits;
  filters: Record<string, FilterDef>;
  /** Names bound by enclosing directives, outermost frame first. */
  frames: string[][];
  /** JSON Pointer of the string being compiled, and that string. */
  pointer: string;
  source: string;
  /** True while compiling an object key. */
  key: boolean;
  references: Set<string>;
  /** Collecting mode (validate): errors are recorded here instead of thrown. */
  errors: Diagnostic[] | null;
  /** Template bytes seen so far, shared by every env of one compile (SPEC §8: source ≤ maxTemplateBytes). */
  budget: { size: number };
  /** Checks every text an interpolation inserts (header values: no CR/LF), or null. */
  guard: TextGuard | null;
}

/**
 * A check on the text placeholders insert into a string (compileTextGuarded): `check` throws for text
 * that must not be sent; `installed` says an interpolation took it, so every inserted piece was checked
 * and the whole result need not be (a whole-value template does not interpolate, and is not covered).
 */
export interface TextGuard {
  check(piece: string): void;
  installed: boolean;
}

/**
 * The env of a child node. Written out field by field: `{ ...env, pointer }` takes V8's slow path
 * for a spread followed by more properties, and this runs for every node of every template.
 */
export function childEnv(env: CompileEnv, pointer: string, frames = env.frames, key = false): CompileEnv {
  return {
    mode: env.mode,
    limits: env.limits,
    filters: env.filters,
    frames,
    pointer,
    source: env.source,
    key,
    references: env.references,
    errors: env.errors,
    budget: env.budget,
    guard: env.guard,
  };
}

/** The same env, compiling the given template string. */
export function withSource(env: CompileEnv, source: string): CompileEnv {
  const copy = childEnv(env, env.pointer, env.frames, env.key);
  copy.source = source;
  return copy;
}
