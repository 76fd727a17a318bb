import { DEFAULT_LIMITS } from '../limits.js';
import type { ExprNode } from '../syntax/ast.js';
import { parseExpression } from '../syntax/parser.js';
import { mayContainPlaceholder, scan, type ExprSegment, type Segment } from '../syntax/scan.js';
import type { CheckEnv } from './env.js';
import { inferExpr, type Inferred } from './expression.js';
import type { InferredValue, Origin } from './inferred.js';
import { literal, resolvedOrNull, stringType, unknown } from './type.js';

/** A placeholder of a template string, parsed by the compiler's own parser. */
interface ParsedPlaceholder {
  segment: ExprSegment;
  ast: ExprNode;
}

/**
 * The segments of a template string with each placeholder parsed, or null when the string does not
 * scan or parse: `validate()` reports that (H1xx), and the checker treats the string as unknown.
 */
function parse(text: string, env: CheckEnv): (string | ParsedPlaceholder)[] | null {
  let segments: Segment[];
  try {
    segments = scan(text, env.mode);
  } catch {
    return null;
  }
  const out: (string | ParsedPlaceholder)[] = [];
  for (const segment of segments) {
    if (segment.kind === 'text') {
      out.push(segment.value);
      continue;
    }
    try {
      out.push({ segment, ast: parseExpression(segment.source, segment.exprStart, DEFAULT_LIMITS.maxDepth) });
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * A template string (SPEC §3): exactly one placeholder is a whole value and keeps its type (unresolved
 * renders as null); anything else is text. `$if` / `$each` operands (`raw`) keep unresolved as is.
 */
export function inferString(text: string, env: CheckEnv, raw = false): InferredValue {
  const origin: Origin = { path: env.pointer, start: 0, end: 0, ...(env.key ? { key: true } : {}) };
  if (!mayContainPlaceholder(text, env.mode)) return leaf(literal(text), origin);
  const parts = parse(text, { ...env, source: text });
  if (!parts) return leaf(unknown(), origin);
  const sourceEnv = { ...env, source: text };
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && typeof only !== 'string' && !env.key) {
    const inferred = inferExpr(only.ast, sourceEnv);
    const at = { ...origin, start: only.segment.start, end: only.segment.end };
    return {
      type: raw ? inferred.type : resolvedOrNull(inferred.type),
      origin: at,
      omittable: inferred.omit,
      optional: optionalFilter(only.ast, at),
    };
  }
  let omittable = false;
  let optional: Origin | null = null;
  let nonEmpty = false;
  for (const part of parts) {
    if (typeof part === 'string') {
      nonEmpty ||= part !== '';
      continue;
    }
    const inferred: Inferred = inferExpr(part.ast, sourceEnv);
    if (inferred.omit) {
      omittable = true;
      optional ??= optionalFilter(part.ast, { ...origin, start: part.segment.start, end: part.segment.end });
    }
  }
  if (parts.every((p) => typeof p === 'string')) return leaf(literal((parts as string[]).join('')), origin);
  return { type: stringType({ nonEmpty }), origin, omittable, optional };
}

function leaf(type: InferredValue['type'], origin: Origin): InferredValue {
  return { type, origin, omittable: false, optional: null };
}

/** The `optional` filter of a placeholder's filter chain, if it has one. */
function optionalFilter(ast: ExprNode, at: Origin): Origin | null {
  for (let node: ExprNode = ast; node.type === 'filter'; node = node.input) {
    if (node.name === 'optional') return { ...at, start: node.nameStart, end: node.nameEnd };
  }
  return null;
}
