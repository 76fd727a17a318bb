/** fast-check generators shared by the property, fuzz and security tests. */
import fc from 'fast-check';
import type { JsonValue } from '../../src/index.js';

const RESERVED = new Set(['true', 'false', 'null', 'item', 'loop', 'constructor', 'prototype', '__proto__']);

/** A top-level context name usable as a bare path (`name.x`). */
export const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/).filter((s) => !RESERVED.has(s));

/** JSON without -0 (JSON cannot say -0) and without own `__proto__` keys (covered by the security tests). */
export function cleanJson(value: JsonValue): JsonValue {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) if (k !== '__proto__') out[k] = cleanJson(v);
    return out;
  }
  return value;
}

export const json = fc.jsonValue({ maxDepth: 4 }).map((v) => cleanJson(v as JsonValue));

export const jsonContext = fc
  .dictionary(identifier, json, { maxKeys: 6 })
  .map((o) => ({ ...o }) as Record<string, JsonValue>);

/** How a child is reached in path syntax, or null when the key cannot be written safely. */
function memberText(key: string): string | null {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !RESERVED.has(key)) return `.${key}`;
  if (/^[A-Za-z0-9 _.,:;!?+*#@%^&=|/-]*$/.test(key) && !RESERVED.has(key)) return `["${key}"]`;
  return null;
}

/** Every (path text, value) pair reachable with dotted/bracket path syntax, root keys included. */
export function pathsOf(context: Record<string, JsonValue>, max = 40): Array<[string, JsonValue]> {
  const out: Array<[string, JsonValue]> = [];
  const visit = (path: string, value: JsonValue): void => {
    if (out.length >= max) return;
    out.push([path, value]);
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(`${path}[${i}]`, v);
        if (out.length < max) out.push([`${path}[${i - value.length}]`, v]);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const member = memberText(k);
        if (member !== null) visit(path + member, v);
      }
    }
  };
  for (const [k, v] of Object.entries(context)) visit(k, v);
  return out;
}

/** SPEC §3 rule 2: how a value is written into text. */
export function asText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

// ---- random valid-looking expressions and templates ----

const literal = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '1', '-2.5', '10', "''", "'a'", "'x,y'", '"%Y-%m-%d"', "'n'"),
  fc.integer({ min: -1000, max: 1000 }).map(String),
);
const contextPath = fc.constantFrom(
  'a',
  'b',
  's',
  'n',
  'arr',
  'obj',
  'obj.k',
  'arr[0]',
  'arr[-1]',
  'nope.x',
  '$.arr[*]',
  '$..k',
);

export function expressionArb(filterNames: string[]): fc.Arbitrary<string> {
  const filterCall = (e: string, name: string, args: string[]): string =>
    args.length === 0 ? `${e} | ${name}` : `${e} | ${name}: ${args.join(', ')}`;
  const atom = fc.oneof(contextPath, literal);
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      atom,
      fc
        .tuple(tie('expr'), fc.constantFrom('??', '||', '&&', '==', '!=', '<', '<=', '>', '>='), tie('expr'))
        .map(([l, op, r]) => `(${l}) ${op} (${r})`),
      tie('expr').map((e) => `!(${e})`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c}) ? (${a}) : (${b})`),
      fc
        .tuple(
          tie('expr'),
          fc.constantFrom(...filterNames),
          fc.array(fc.oneof(literal, contextPath), { maxLength: 2 }),
        )
        .map(([e, name, args]) => filterCall(`(${e})`, name, args)),
    ),
  }));
  return expr;
}

export function templateArb(expr: fc.Arbitrary<string>): fc.Arbitrary<JsonValue> {
  const str = fc.oneof(
    expr.map((e) => `{{ ${e} }}`),
    expr.map((e) => `<< ${e} >>`),
    fc.tuple(expr, expr).map(([a, b]) => `x {{ ${a} }} y << ${b} >>`),
    fc.constantFrom('plain', '', '\\{{not}}'),
  );
  const { node } = fc.letrec<{ node: JsonValue }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      str,
      str,
      fc.constantFrom<JsonValue>(1, true, null),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(
        fc.oneof(
          identifier,
          expr.map((e) => `k{{ ${e} }}`),
        ),
        tie('node'),
        { maxKeys: 3 },
      ),
      fc.tuple(expr, tie('node'), tie('node')).map(([c, t, e]) => ({ $if: `{{ ${c} }}`, then: t, else: e })),
      fc.tuple(expr, tie('node')).map(([c, t]) => ({ $if: `{{ ${c} }}`, then: t })),
      fc.tuple(expr, tie('node')).map(([c, d]) => ({ $each: `{{ ${c} }}`, do: d })),
      fc.array(tie('node'), { maxLength: 3 }).map((parts) => ({ $merge: parts })),
      fc.tuple(expr, tie('node')).map(([v, t]) => ({ $let: { a: `{{ ${v} }}` }, in: t })),
    ),
  }));
  return node;
}

export const sampleContext = fc.record({
  a: json,
  b: json,
  s: fc.string({ maxLength: 12 }),
  n: fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  ),
  arr: fc.array(json, { maxLength: 4 }),
  obj: fc.dictionary(fc.constantFrom('k', 'x', 'y'), json),
}) as fc.Arbitrary<Record<string, JsonValue>>;
