import type { RawJson } from './raw-json.js';

/**
 * Serialises parsed JSON exactly as Python's
 * `json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))` does after `json.loads`.
 */
export function pythonCanonicalJson(value: RawJson): string {
  switch (value.kind) {
    case 'object':
      return `{${sortedMembers(value.members)
        .map(([key, member]) => `${pythonString(key)}:${pythonCanonicalJson(member)}`)
        .join(',')}}`;
    case 'array':
      return `[${value.items.map(pythonCanonicalJson).join(',')}]`;
    case 'string':
      return pythonString(value.value);
    case 'number':
      return pythonNumber(value.text);
    case 'literal':
      return value.text;
  }
}

/** Python dicts keep the last value of a repeated key; `sort_keys` orders by code point, not UTF-16 unit. */
function sortedMembers(members: [string, RawJson][]): [string, RawJson][] {
  const byKey = new Map<string, RawJson>();
  for (const [key, member] of members) byKey.set(key, member);
  return [...byKey].sort(([a], [b]) => compareCodePoints(a, b));
}

export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const diff = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
}

const STRING_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** With `ensure_ascii=False` Python escapes only `"`, `\` and control characters below U+0020. */
export function pythonString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\u0000-\u001f"\\]/g, (char) => {
    return STRING_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/**
 * Python's `json.loads` reads a number without fraction or exponent as an int (written back digit for
 * digit, `-0` as `0`) and anything else as a float, written back with `float.__repr__`.
 */
export function pythonNumber(source: string): string {
  if (!/[.eE]/.test(source)) return source === '-0' ? '0' : source;
  return pythonFloatRepr(Number(source));
}

export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  // toExponential() without an argument gives the shortest digits that round-trip, like Python's repr.
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const pointAt = Number(exponent) + 1;
  if (pointAt <= -4 || pointAt > 16) return sign + exponentForm(digits, pointAt - 1);
  return sign + fixedForm(digits, pointAt);
}

function exponentForm(digits: string, exponent: number): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function fixedForm(digits: string, pointAt: number): string {
  if (pointAt <= 0) return `0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${digits}${'0'.repeat(pointAt - digits.length)}.0`;
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}
