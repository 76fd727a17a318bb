import { Codes } from '../codes.js';
import { TemplateError } from '../errors.js';
import { JsonPathSyntaxError, readQuery, type Query } from '../jsonpath/index.js';

export type TokenType = 'ident' | 'number' | 'string' | 'jsonpath' | 'punct' | 'eof';

/** Every token carries its offsets in the template string (not in the expression). */
export interface Token {
  type: TokenType;
  value: string;
  /** Decoded value for strings and numbers. */
  literal?: string | number;
  /** The parsed query of a jsonpath token. */
  query?: Query;
  start: number;
  end: number;
}

const PUNCT2 = ['??', '||', '&&', '==', '!=', '<=', '>='];
const PUNCT1 = '.[]()|:,?!<>';

/** Tokenises one expression. `base` is the offset of the expression inside its template string. */
export function tokenize(src: string, base = 0): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (c === 36 /* $ */) {
      const { query, end } = readJsonPath(src, i, base);
      i = end;
      tokens.push({
        type: 'jsonpath',
        value: src.slice(start, i),
        query,
        start: base + start,
        end: base + i,
      });
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
      tokens.push({ type: 'ident', value: src.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    if (isDigit(c) || (c === 45 /* - */ && isDigit(src.charCodeAt(i + 1)))) {
      i = numberEnd(src, i + 1);
      const text = src.slice(start, i);
      tokens.push({ type: 'number', value: text, literal: Number(text), start: base + start, end: base + i });
      continue;
    }
    if (c === 34 || c === 39) {
      const { value, end } = readString(src, i, base);
      i = end;
      tokens.push({
        type: 'string',
        value: src.slice(start, i),
        literal: value,
        start: base + start,
        end: base + i,
      });
      continue;
    }
    const two = src.slice(i, i + 2);
    const p = PUNCT2.includes(two) ? two : null;
    if (p) {
      i += p.length;
      tokens.push({ type: 'punct', value: p, start: base + start, end: base + i });
      continue;
    }
    if (PUNCT1.includes(src[i] as string)) {
      i++;
      tokens.push({ type: 'punct', value: src[start] as string, start: base + start, end: base + i });
      continue;
    }
    throw new TemplateError(
      Codes.UNEXPECTED_CHARACTER,
      `Unexpected character "${src[i]}" in expression. Paths use letters, digits, _ and -; quote other keys: a["${src[i]}"].`,
      { start: base + i, end: base + i + 1 },
    );
  }
  tokens.push({ type: 'eof', value: '', start: base + src.length, end: base + src.length });
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === 45;
}

function numberEnd(src: string, i: number): number {
  while (isDigit(src.charCodeAt(i))) i++;
  if (src[i] === '.' && isDigit(src.charCodeAt(i + 1))) {
    i++;
    while (isDigit(src.charCodeAt(i))) i++;
  }
  if ((src[i] === 'e' || src[i] === 'E') && /[-+\d]/.test(src[i + 1] ?? '')) {
    i += 2;
    while (isDigit(src.charCodeAt(i))) i++;
  }
  return i;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '/': '/',
};

function readString(src: string, i: number, base: number): { value: string; end: number } {
  const quote = src[i];
  let value = '';
  let j = i + 1;
  while (j < src.length) {
    const ch = src[j] as string;
    if (ch === quote) return { value, end: j + 1 };
    if (ch === '\\') {
      const next = src[j + 1] ?? '';
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(j + 2, j + 6))) {
        value += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
        j += 6;
        continue;
      }
      value += ESCAPES[next] ?? next;
      j += 2;
      continue;
    }
    value += ch;
    j++;
  }
  throw new TemplateError(Codes.UNTERMINATED_STRING, `Unterminated string: add the closing ${quote} quote.`, {
    start: base + i,
    end: base + src.length,
  });
}

/**
 * A `$…` query is read by the JSONPath parser, which knows where it ends (RFC 9535 allows blanks
 * between segments, `$.a [0]`, so a blank alone does not end it). Its errors are H106 with the
 * offsets of the culprit.
 */
function readJsonPath(src: string, i: number, base: number): { query: Query; end: number } {
  try {
    return readQuery(src, i);
  } catch (e) {
    if (!(e instanceof JsonPathSyntaxError)) throw e;
    const end = Math.max(e.end, i + 1);
    throw new TemplateError(
      Codes.INVALID_JSONPATH,
      `Invalid JSONPath ${src.slice(i, end).trim()}: ${e.message}.`,
      { start: base + e.start, end: base + e.end },
    );
  }
}
