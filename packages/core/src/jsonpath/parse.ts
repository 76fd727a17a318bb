import type { Query, Segment, Selector } from './ast.js';
import { parseLogical } from './parse-filter.js';
import { isBlank, isDigit, isNameFirst, JsonPathSyntaxError, Reader } from './reader.js';

export { JsonPathSyntaxError } from './reader.js';

/** jsonpath-plus type selectors hookmap supports (`$..*@number()`). */
const TYPES = new Set(['null', 'boolean', 'number', 'string', 'integer', 'array', 'object', 'scalar']);

/**
 * Parses a whole query (RFC 9535 §2.1.1, plus jsonpath-plus's `^`, `~` and type selectors).
 * Throws JsonPathSyntaxError with the offsets of the culprit.
 */
export function parseQuery(src: string): Query {
  const { query, end } = readQuery(src, 0);
  if (end < src.length) {
    const r = new Reader(src);
    r.pos = end;
    r.fail(
      isBlank(src[end]) ? 'whitespace is not allowed here' : 'expected ".", "[" or the end of the query',
    );
  }
  return query;
}

/** What may follow a query inside a hookmap expression: the end, a blank, an operator, a pipe, `,` `)` `:`. */
const AFTER = ' \t\n\r|,)?=!<>&:';

/**
 * Reads the query that starts at `start` in a hookmap expression, as far as the grammar goes, and
 * returns where it ends (offsets stay those of `src`). A character right after it that cannot follow a
 * value (`$.meeting-id`) is an error of the query, not of the expression.
 */
export function readQuery(src: string, start: number): { query: Query; end: number } {
  const r = new Reader(src);
  r.pos = start;
  if (!r.eat('$')) r.fail('a query starts with $');
  const query = querySegments(r, '$', true);
  const next = src[r.pos];
  if (next !== undefined && !AFTER.includes(next)) r.fail('expected ".", "[" or the end of the query');
  return { query, end: r.pos };
}

/** The segments after a root identifier; `top` allows the jsonpath-plus suffixes. */
export function querySegments(r: Reader, root: Query['root'], top: boolean): Query {
  const segments: Segment[] = [];
  for (;;) {
    const save = r.pos;
    r.skipBlank();
    const blank = r.pos > save;
    const c = r.peek();
    if (c === '[') segments.push({ kind: 'child', selectors: bracketed(r) });
    else if (r.startsWith('..')) segments.push(descendant(r));
    else if (c === '.') {
      r.pos++;
      segments.push({ kind: 'child', selectors: [dotted(r)] });
    } else if (top && !blank && c === '^') {
      r.pos++;
      segments.push({ kind: 'parent' });
    } else if (top && !blank && c === '~') {
      r.pos++;
      segments.push({ kind: 'property' });
    } else if (top && !blank && c === '@') {
      segments.push(typeSelector(r));
    } else {
      r.pos = save;
      break;
    }
  }
  return { root, segments, singular: segments.every(isSingular) };
}

function isSingular(s: Segment): boolean {
  if (s.kind !== 'child' || s.selectors.length !== 1) return false;
  const kind = (s.selectors[0] as Selector).kind;
  return kind === 'name' || kind === 'index';
}

function descendant(r: Reader): Segment {
  r.pos += 2;
  const c = r.peek();
  if (c === '[') return { kind: 'descendant', selectors: bracketed(r) };
  return { kind: 'descendant', selectors: [dotted(r)] };
}

/** After "." or "..": "*" or a member name, with no whitespace in between. */
function dotted(r: Reader): Selector {
  if (r.eat('*')) return { kind: 'wildcard' };
  if (!isNameFirst(r.peek())) r.fail("expected a member name or * (quote other names: ['name'])");
  return { kind: 'name', name: r.name() };
}

function typeSelector(r: Reader): Segment {
  const start = r.pos++;
  let name = '';
  while (/[A-Za-z]/.test(r.peek() ?? '')) name += r.src[r.pos++];
  if (!r.eat('()')) r.fail('expected a type selector such as @number()', start, r.pos);
  if (!TYPES.has(name))
    r.fail(
      `@${name}() is not a supported type selector (${[...TYPES].map((t) => `@${t}()`).join(' ')})`,
      start,
      r.pos,
    );
  return { kind: 'type', type: name };
}

/** `[` S selector *(S "," S selector) S `]` */
export function bracketed(r: Reader): Selector[] {
  r.pos++;
  const selectors: Selector[] = [];
  for (;;) {
    r.skipBlank();
    selectors.push(selector(r));
    r.skipBlank();
    if (r.eat(']')) return selectors;
    if (!r.eat(',')) r.fail('expected "," or "]"');
  }
}

function selector(r: Reader): Selector {
  const c = r.peek();
  if (c === "'" || c === '"') return { kind: 'name', name: r.string() };
  if (r.eat('*')) return { kind: 'wildcard' };
  if (c === '?') {
    r.pos++;
    r.skipBlank();
    return { kind: 'filter', expr: parseLogical(r) };
  }
  if (c === '-' || c === ':' || isDigit(c)) return indexOrSlice(r);
  if (c === '(') return lastIndex(r);
  // jsonpath-plus reads unquoted names in brackets: $..book[0][category,author]
  if (isNameFirst(c)) return { kind: 'name', name: r.name() };
  return r.fail('expected a selector: a quoted name, *, an index, a slice or a filter ?…');
}

/**
 * jsonpath-plus's script index, in its one documented form `[(@.length-1)]`: an index from the end.
 * Any other script is refused (hookmap never runs JavaScript from a template).
 */
function lastIndex(r: Reader): Selector {
  const m = /^\(\s*@\.length\s*-\s*([1-9]\d{0,15})\s*\)/.exec(r.src.slice(r.pos));
  if (!m)
    r.fail(
      'script expressions [(…)] are not supported, except [(@.length-n)]: use an index like [-1], a slice or a filter [?…]',
    );
  r.pos += m[0].length;
  return { kind: 'index', index: -Number(m[1]) };
}

/** index (§2.3.3) or slice (§2.3.4): `[start S] ":" S [end S] [":" [S step]]`. */
function indexOrSlice(r: Reader): Selector {
  const start = r.peek() === ':' ? null : r.int();
  r.skipBlank();
  if (r.peek() !== ':') {
    if (start === null) r.fail('expected an index');
    return { kind: 'index', index: start };
  }
  r.pos++;
  r.skipBlank();
  const end = r.peek() === '-' || isDigit(r.peek()) ? r.int() : null;
  r.skipBlank();
  let step: number | null = null;
  if (r.eat(':')) {
    r.skipBlank();
    if (r.peek() === '-' || isDigit(r.peek())) step = r.int();
  }
  return { kind: 'slice', start, end, step };
}

/** True when the text parses as a query; for tests and tooling. */
export function isValidQuery(src: string): boolean {
  try {
    parseQuery(src);
    return true;
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return false;
    throw e;
  }
}
