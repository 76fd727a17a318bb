import type { ExprNode } from '../syntax/ast.js';
import { checkIntegration, type CheckOptions } from './integration.js';
import type { Probe } from './env.js';
import { printType } from './print.js';
import type { Type } from './type.js';

/** What the editor shows on hover and beside a completion. */
export interface TypeInfo {
  type: Type;
  /** The type as users read it: `string | null`. */
  text: string;
  /** The expression under the offset, as written. */
  expression: string;
  /** `string | null — Otter.ai: data.title` (the provider, when there is one). */
  detail: string;
  /** Offsets of that expression in the template string. */
  start: number;
  end: number;
}

/**
 * The inferred type of the innermost expression at `offset` of the template string at `pointer` (a JSON
 * Pointer into the integration document, e.g. "/body/template/properties/hs_call_title"), in the scope
 * it has there (`$each` items, `$let` names). Null when no placeholder covers the offset.
 */
export function typeAt(
  doc: unknown,
  pointer: string,
  offset: number,
  options: CheckOptions = {},
): TypeInfo | null {
  const probe: Probe = { pointer, offset, found: null };
  checkIntegration(doc, options, probe);
  const found = probe.found as { node: ExprNode; type: Type; source: string } | null;
  if (!found) return null;
  const expression = found.source.slice(found.node.start, found.node.end);
  const text = printType(found.type);
  const who = options.provider ? `${options.provider.name}: ` : '';
  return {
    type: found.type,
    text,
    expression,
    detail: `${text} — ${who}${expression}`,
    start: found.node.start,
    end: found.node.end,
  };
}
