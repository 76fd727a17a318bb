import { Codes } from '../codes.js';
import { limitError } from '../evaluate/state.js';
import type { Arg, Call, Comparable, CompareOp, Logical, Query } from './ast.js';
import { normalizedPath, select, singularValue, isObject, type JsonNode, type Run } from './evaluate.js';
import { lengthOf, regexTest } from './functions.js';

/** Filter expressions at run time (RFC 9535 §2.3.5.2): tests, comparisons and functions. */
export function test(e: Logical, current: JsonNode, run: Run): boolean {
  switch (e.kind) {
    case 'or':
      return e.items.some((item) => test(item, current, run));
    case 'and':
      return e.items.every((item) => test(item, current, run));
    case 'not':
      return !test(e.expr, current, run);
    case 'compare':
      return compare(e.op, valueOf(e.left, current, run), valueOf(e.right, current, run), run.maxDepth);
    case 'exists':
      return nodes(e.query, current, run).length > 0;
    case 'test':
      return call(e.call, current, run) === true;
    case 'truthy':
      return Boolean(valueOf(e.value, current, run));
  }
}

/** The node a filter query starts from; jsonpath-plus's `@parent` is the parent of the node being filtered. */
function start(query: Query, current: JsonNode, run: Run): JsonNode | null {
  return query.root === '@' ? current : query.root === '$' ? run.root : (current.parent?.parent ?? null);
}

function nodes(query: Query, current: JsonNode, run: Run): JsonNode[] {
  const from = start(query, current, run);
  return from ? select(query, from, run) : [];
}

/** A comparable's value; undefined is RFC 9535's Nothing. */
function valueOf(c: Comparable, current: JsonNode, run: Run): unknown {
  switch (c.kind) {
    case 'literal':
      return c.value;
    case 'query': {
      const from = start(c.query, current, run);
      return from ? singularValue(c.query, from.value) : undefined;
    }
    case 'call':
      return call(c.call, current, run);
    case 'special':
      if (c.name === 'property') return current.key;
      if (c.name === 'parentProperty') return current.parent?.key ?? undefined;
      return normalizedPath(current);
  }
}

function argValue(a: Arg, current: JsonNode, run: Run): unknown {
  if (a.kind === 'value') return valueOf(a.value, current, run);
  if (a.kind === 'nodes') return nodes(a.query, current, run);
  return test(a.expr, current, run);
}

function call(c: Call, current: JsonNode, run: Run): unknown {
  const args = c.args.map((a) => argValue(a, current, run));
  switch (c.name) {
    case 'length':
      return lengthOf(args[0]);
    case 'count':
      return (args[0] as JsonNode[]).length;
    case 'value': {
      const list = args[0] as JsonNode[];
      return list.length === 1 ? (list[0] as JsonNode).value : undefined;
    }
    case 'match':
      return regexTest(args[0], args[1], true);
    default:
      return regexTest(args[0], args[1], false);
  }
}

function compare(op: CompareOp, a: unknown, b: unknown, maxDepth: number): boolean {
  switch (op) {
    case '==':
      return equal(a, b, maxDepth);
    case '!=':
      return !equal(a, b, maxDepth);
    case '<':
      return less(a, b);
    case '<=':
      return less(a, b) || equal(a, b, maxDepth);
    case '>':
      return less(b, a);
    case '>=':
      return less(b, a) || equal(a, b, maxDepth);
  }
}

/** §2.3.5.2.2: Nothing equals only Nothing; arrays and objects compare member by member. */
function equal(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth <= 0)
    throw limitError(
      Codes.PAYLOAD_TOO_DEEP,
      'maxPayloadDepth',
      'Values compared in a JSONPath filter nest deeper than the limit maxPayloadDepth.',
    );
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i], depth - 1));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k], depth - 1))
  );
}

/** Numbers by value, strings by Unicode code point; any other pair is not ordered. */
function less(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) < codePointOrder(y);
  }
  return a.length < b.length;
}

/** Maps UTF-16 units so that surrogates (supplementary code points) sort after U+E000–U+FFFF. */
function codePointOrder(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}
