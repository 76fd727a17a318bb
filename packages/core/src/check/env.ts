import type { FilterDef } from '../filters/types.js';
import type { ExprNode } from '../syntax/ast.js';
import type { DelimiterMode, Diagnostic } from '../types.js';
import type { Type } from './type.js';

/** Asks the walk for the type of the innermost expression at an offset of one template string (hover). */
export interface Probe {
  pointer: string;
  offset: number;
  found: { node: ExprNode; type: Type; source: string } | null;
}

/** What the checker knows while it walks one template: the scope, where it is, where problems go. */
export interface CheckEnv {
  /** The context: the provider's, joined over the events checked. */
  context: Type;
  /** Names bound by enclosing `$each` / `$let`, outermost first. */
  frames: Map<string, Type>[];
  filters: Record<string, FilterDef>;
  mode: DelimiterMode;
  /** JSON Pointer (in the integration document) of the string being checked, and that string. */
  pointer: string;
  source: string;
  key: boolean;
  diagnostics: Diagnostic[];
  /** Who supplies the context, for messages: "OSVI voice agents (post_call)". */
  label: string;
  /** Keys of `common`, offered as did-you-mean for a root name the provider does not have. */
  commonKeys: string[];
  probe: Probe | null;
}

export function atPointer(env: CheckEnv, pointer: string, key = false): CheckEnv {
  return { ...env, pointer, key };
}

export function withFrame(env: CheckEnv, frame: Map<string, Type>): CheckEnv {
  return { ...env, frames: [...env.frames, frame] };
}

export function lookupBound(env: CheckEnv, name: string): Type | undefined {
  for (let i = env.frames.length - 1; i >= 0; i--) {
    const t = (env.frames[i] as Map<string, Type>).get(name);
    if (t) return t;
  }
  return undefined;
}
