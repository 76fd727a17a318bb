/**
 * Payload paths ↔ expressions, in core's own grammar (the editor's visual mapper and completion use
 * these, so what a tool writes is always what the compiler reads).
 */
import { parseQuery } from '../jsonpath/index.js';
import type { PathSegment } from './ast.js';
import { parseExpression } from './parser.js';

const IDENTIFIER = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff-]*$/;
const LITERAL_WORDS = new Set(['true', 'false', 'null']);

/** True when `key` can be written bare: as the first name of a path or after a dot. */
function isBareName(key: string): boolean {
  return IDENTIFIER.test(key) && !LITERAL_WORDS.has(key);
}

/**
 * The expression that reads `segments` from the context: `["data_capture", "customer_name"]` →
 * `data_capture.customer_name`, `["a", "x y", 0]` → `a["x y"][0]`. A first key that is not a name
 * (`"first name"`, `"$id"`, `"true"`) makes the whole path an RFC 9535 singular query:
 * `$["first name"]["x"][0]`. The empty path is the context root, `$`.
 */
export function pathToExpression(segments: readonly PathSegment[]): string {
  const [first, ...rest] = segments;
  if (first === undefined) return '$';
  if (typeof first === 'number' || !isBareName(first)) return `$${segments.map(bracket).join('')}`;
  let out = first;
  for (const s of rest) out += typeof s === 'string' && isBareName(s) ? `.${s}` : bracket(s);
  return out;
}

function bracket(segment: PathSegment): string {
  return typeof segment === 'number' ? `[${segment}]` : `[${JSON.stringify(segment)}]`;
}

/**
 * The path an expression reads, when it is nothing but a path (`a.b[0]["c d"]`, or a singular
 * JSONPath query such as `$["first name"].x`); null for anything else (filters, operators, literals,
 * queries that can match several values) and for text that does not parse.
 */
export function expressionToPath(expression: string): PathSegment[] | null {
  let node;
  try {
    node = parseExpression(expression.trim());
  } catch {
    return null;
  }
  if (node.type === 'path') return [node.root, ...node.segments];
  if (node.type === 'jsonpath') return singularSegments(node.query);
  return null;
}

/** The names and indexes of an RFC 9535 singular query (`$["a"][0]`), or null for any other query. */
function singularSegments(text: string): PathSegment[] | null {
  let query;
  try {
    query = parseQuery(text);
  } catch {
    return null;
  }
  if (!query.singular || query.root !== '$') return null;
  const out: PathSegment[] = [];
  for (const segment of query.segments) {
    const selector = segment.kind === 'child' ? segment.selectors[0] : undefined;
    if (selector?.kind === 'name') out.push(selector.name);
    else if (selector?.kind === 'index') out.push(selector.index);
    else return null;
  }
  return out;
}
