import type { Arg, Call, Comparable, CompareOp, FnType, Logical } from './ast.js';
import { SIGNATURES } from './functions.js';
import { querySegments } from './parse.js';
import { isDigit, type Reader } from './reader.js';

/**
 * Filter expressions (RFC 9535 §2.3.5): `||`, `&&`, `!`, parentheses, comparisons, tests and the
 * functions of §2.4, checked for well-typedness while parsing. jsonpath-plus's `===`/`!==`,
 * `@root`, `@parent`, `@property`, `@parentProperty` and `@path` are read too.
 */

/** A value that is not a test: only allowed as a function argument or beside a comparison operator. */
interface Bare {
  kind: 'bare';
  value: Comparable;
  start: number;
}
type Parsed = Logical | Bare;

interface Primary {
  value: Comparable;
  /** The function's result type, for calls. */
  type?: FnType;
  start: number;
  end: number;
}

export function parseLogical(r: Reader): Logical {
  return logical(r, or(r));
}

/** Refuses a bare value where a test is required (`$[?1]`, `$[?length(@)]`). */
function logical(r: Reader, p: Parsed): Logical {
  if (p.kind !== 'bare') return p;
  const what =
    p.value.kind === 'call' ? `${p.value.call.name}() gives a value, not a test` : 'a literal is not a test';
  return r.fail(`${what}: compare it (== != < <= > >=)`, p.start);
}

function or(r: Reader): Parsed {
  const first = and(r);
  const items: Logical[] = [];
  for (;;) {
    const save = r.pos;
    r.skipBlank();
    if (!r.eat('||')) {
      r.pos = save;
      break;
    }
    if (items.length === 0) items.push(logical(r, first));
    r.skipBlank();
    items.push(logical(r, and(r)));
  }
  return items.length ? { kind: 'or', items } : first;
}

function and(r: Reader): Parsed {
  const first = basic(r);
  const items: Logical[] = [];
  for (;;) {
    const save = r.pos;
    r.skipBlank();
    if (!r.eat('&&')) {
      r.pos = save;
      break;
    }
    if (items.length === 0) items.push(logical(r, first));
    r.skipBlank();
    items.push(logical(r, basic(r)));
  }
  return items.length ? { kind: 'and', items } : first;
}

function basic(r: Reader): Parsed {
  if (r.peek() === '!' && r.peek(1) !== '=') {
    r.pos++;
    r.skipBlank();
    if (r.peek() === '(') return { kind: 'not', expr: paren(r) };
    const at = r.pos;
    const p = primary(r);
    const test = asTest(p);
    if (test.kind === 'bare' || p.value.kind === 'literal')
      r.fail('! applies to a query, a test function or a parenthesised expression', at);
    return { kind: 'not', expr: test as Logical };
  }
  if (r.peek() === '(') return paren(r);
  const left = primary(r);
  const save = r.pos;
  r.skipBlank();
  const op = compareOp(r);
  if (!op) {
    r.pos = save;
    return asTest(left);
  }
  r.skipBlank();
  const right = primary(r);
  comparable(r, left);
  comparable(r, right);
  return { kind: 'compare', op, left: left.value, right: right.value };
}

function paren(r: Reader): Logical {
  r.pos++;
  r.skipBlank();
  const inner = logical(r, or(r));
  r.skipBlank();
  r.expect(')', 'a closing ")"');
  return inner;
}

function compareOp(r: Reader): CompareOp | null {
  if (r.eat('===') || r.eat('==')) return '==';
  if (r.eat('!==') || r.eat('!=')) return '!=';
  if (r.eat('<=')) return '<=';
  if (r.eat('>=')) return '>=';
  if (r.eat('<')) return '<';
  if (r.eat('>')) return '>';
  return null;
}

/** A comparison takes literals, singular queries and value-typed functions (§2.3.5.1). */
function comparable(r: Reader, p: Primary): void {
  const v = p.value;
  if (v.kind === 'query' && !v.query.singular)
    r.fail('a comparison needs a singular query (names and indexes only)', p.start, p.end);
  if (v.kind === 'call' && p.type !== 'value')
    r.fail(`${v.call.name}() gives a ${p.type} result, which cannot be compared`, p.start, p.end);
}

function asTest(p: Primary): Parsed {
  const v = p.value;
  if (v.kind === 'query') return { kind: 'exists', query: v.query };
  if (v.kind === 'call' && p.type !== 'value') return { kind: 'test', call: v.call };
  if (v.kind === 'special') return { kind: 'truthy', value: v };
  return { kind: 'bare', value: v, start: p.start };
}

const SPECIALS = new Set(['property', 'parentProperty', 'path']);

function primary(r: Reader): Primary {
  const p = operand(r);
  const method = /\.[A-Za-z_]\w*$/.exec(r.src.slice(p.start, r.pos));
  if ((method && r.peek() === '(') || /^\.[A-Za-z_]\w*\(/.test(r.src.slice(r.pos))) {
    r.fail(
      "JavaScript method calls such as .match(/…/) are not run (SPEC §8: no user regular expressions on a backtracking engine): use match(@.x, '…') or search(@.x, '…') (I-Regexp)",
      method && r.peek() === '(' ? r.pos - method[0].length + 1 : r.pos + 1,
    );
  }
  return p;
}

function operand(r: Reader): Primary {
  const start = r.pos;
  const c = r.peek();
  const done = (value: Comparable, type?: FnType): Primary => ({
    value,
    start,
    end: r.pos,
    ...(type ? { type } : {}),
  });
  if (c === '@') {
    r.pos++;
    let word = '';
    while (/[A-Za-z]/.test(r.peek() ?? '')) word += r.src[r.pos++];
    if (word === '') return done({ kind: 'query', query: querySegments(r, '@', false) });
    if (word === 'root') return done({ kind: 'query', query: querySegments(r, '$', false) });
    if (word === 'parent') return done({ kind: 'query', query: querySegments(r, '@parent', false) });
    if (SPECIALS.has(word))
      return done({ kind: 'special', name: word as 'property' | 'parentProperty' | 'path' });
    r.fail('after @ comes ".", "[" or the end of the query', start + 1);
  }
  if (c === '$') {
    r.pos++;
    return done({ kind: 'query', query: querySegments(r, '$', false) });
  }
  if (c === "'" || c === '"') return done({ kind: 'literal', value: r.string() });
  if (c === '-' || isDigit(c)) return done({ kind: 'literal', value: r.number() });
  for (const [word, value] of [
    ['true', true],
    ['false', false],
    ['null', null],
  ] as const) {
    if (r.startsWith(word) && !/[a-z0-9_]/.test(r.src[r.pos + word.length] ?? '')) {
      r.pos += word.length;
      return done({ kind: 'literal', value });
    }
  }
  if (c !== undefined && c >= 'a' && c <= 'z') {
    const call = callOf(r);
    return done({ kind: 'call', call }, (SIGNATURES[call.name] as { result: FnType }).result);
  }
  return r.fail('expected a query (@… or $…), a literal or a function');
}

/** `name(` S [arg *(S "," S arg)] S `)`; the name is followed directly by "(" (§2.4). */
function callOf(r: Reader): Call {
  const start = r.pos;
  while (/[a-z0-9_]/.test(r.peek() ?? '')) r.pos++;
  const name = r.src.slice(start, r.pos);
  const signature = Object.prototype.hasOwnProperty.call(SIGNATURES, name) ? SIGNATURES[name] : undefined;
  if (!signature)
    r.fail(`unknown function ${name}(): use length, count, match, search or value`, start, r.pos);
  if (r.peek() !== '(') r.fail(`expected "(" right after ${name}`);
  r.pos++;
  const args: Arg[] = [];
  r.skipBlank();
  if (!r.eat(')')) {
    for (;;) {
      const at = r.pos;
      const index = args.length;
      const param = signature.params[index];
      if (param === undefined) r.fail(`${name}() takes ${signature.params.length} argument(s)`, at);
      args.push(argument(r, or(r), param, at, name));
      r.skipBlank();
      if (r.eat(')')) break;
      r.expect(',', '"," or ")"');
      r.skipBlank();
    }
  }
  if (args.length !== signature.params.length)
    r.fail(`${name}() takes ${signature.params.length} argument(s)`, start, r.pos);
  return { name, args };
}

/** Types an argument against its parameter (§2.4.3). */
function argument(r: Reader, p: Parsed, param: FnType, at: number, fn: string): Arg {
  const bad = (what: string): never =>
    r.fail(
      `${fn}() needs ${param === 'value' ? 'a value' : param === 'nodes' ? 'a query' : 'a test'} here, not ${what}`,
      at,
      r.pos,
    );
  if (param === 'logical') {
    if (p.kind === 'bare') return bad('a value');
    return { kind: 'logical', expr: p };
  }
  if (param === 'nodes') {
    if (p.kind === 'exists') return { kind: 'nodes', query: p.query };
    return bad(p.kind === 'bare' ? 'a value' : 'a logical expression');
  }
  if (p.kind === 'bare') return { kind: 'value', value: p.value };
  if (p.kind === 'exists') {
    if (!p.query.singular) return bad('a query that can select several nodes');
    return { kind: 'value', value: { kind: 'query', query: p.query } };
  }
  if (p.kind === 'truthy') return { kind: 'value', value: p.value };
  return bad(p.kind === 'test' ? `${p.call.name}(), which gives a test result` : 'a logical expression');
}
