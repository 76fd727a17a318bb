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
  size: number;
}

export function childEnv(env: CompileEnv, pointer: string, frames = env.frames): CompileEnv {
  return { ...env, pointer, frames, key: false };
}
