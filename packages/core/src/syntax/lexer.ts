import { Codes } from '../codes.js';
import { TemplateError } from '../errors.js';

export type TokenType = 'ident' | 'number' | 'string' | 'jsonpath' | 'punct' | 'eof';

/** Every token carries its offsets in the template string (not in the expression). */
export interface Token {
  type: TokenType;
  value: string;
  /** Decoded value for strings and numbers. */
  literal?: string | number;
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
      i = jsonPathEnd(src, i);
      tokens.push({ type: 'jsonpath', value: src.slice(start, i), start: base + start, end: base + i });
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
      tokens.push({ type: 'string', value: src.slice(start, i), literal: value, start: base + start, end: base + i });
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

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', '"': '"', "'": "'", '/': '/' };

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
  throw new TemplateError(
    Codes.UNTERMINATED_STRING,
    `Unterminated string: add the closing ${quote} quote.`,
    { start: base + i, end: base + src.length },
  );
}

/**
 * Where a JSONPath query ends inside an expression: outside brackets, parentheses and quotes, at the
 * first `|`, `,`, `)`, `?`, `=`, `!`, `<`, `>` or `&`, or at whitespace that a segment (`.` or `[`) does
 * not follow (RFC 9535 allows blanks between segments: `$.a [0]`). So `$.items[?@.done == false] | size`
 * lexes as query, pipe, filter, and `$.a==1` as query, operator, number. The query itself is parsed,
 * with the offsets of any error, when it is compiled (jsonpath/parse.ts).
 */
function jsonPathEnd(src: string, i: number): number {
  let depth = 0;
  let quote = '';
  for (; i < src.length; i++) {
    const ch = src[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || (ch === ')' && depth > 0)) depth--;
    else if (depth > 0) continue;
    else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      let j = i;
      while (j < src.length && ' \t\n\r'.includes(src[j] as string)) j++;
      if (src[j] !== '[' && src[j] !== '.') break;
      i = j - 1;
    } else if ('|,)?=!<>&'.includes(ch)) break;
  }
  return i;
}
