/** The cursor of the JSONPath parser: one query text, one position, errors with the culprit's offsets. */

export class JsonPathSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'JsonPathSyntaxError';
  }
}

/** RFC 9535 §2.5.1.1: insignificant whitespace is space, tab, LF and CR. */
export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** name-first (§2.5.1.1): ALPHA, "_", or any non-surrogate code point from U+0080. */
export function isNameFirst(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 0x80;
}

export const MAX_INT = 2 ** 53 - 1;

export class Reader {
  pos = 0;

  constructor(readonly src: string) {}

  peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  skipBlank(): void {
    while (isBlank(this.src[this.pos])) this.pos++;
  }

  eat(text: string): boolean {
    if (!this.src.startsWith(text, this.pos)) return false;
    this.pos += text.length;
    return true;
  }

  expect(text: string, what: string): void {
    if (!this.eat(text)) this.fail(`expected ${what}`);
  }

  /** Throws; an error at the very end marks the last character (the query stops short after it). */
  fail(message: string, start = this.pos, end = start + 1): never {
    const found = this.src[start] === undefined ? 'the end of the query' : `"${this.src[start]}"`;
    const from = Math.max(0, Math.min(start, this.src.length - 1));
    throw new JsonPathSyntaxError(
      `${message}, found ${found}`,
      from,
      Math.max(from + 1, Math.min(end, this.src.length)),
    );
  }

  /** member-name-shorthand: name-first then name-chars (letters, digits, "_", non-ASCII). Surrogates must pair. */
  name(): string {
    const start = this.pos;
    if (!isNameFirst(this.peek())) this.fail('expected a member name');
    while (isNameFirst(this.peek()) || isDigit(this.peek())) this.scalar();
    return this.src.slice(start, this.pos);
  }

  /** Steps over one code point, refusing a lone surrogate (not a Unicode scalar value). */
  private scalar(): void {
    const code = this.src.charCodeAt(this.pos);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = this.src.charCodeAt(this.pos + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) this.fail('a lone surrogate is not a character');
      this.pos += 2;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      this.fail('a lone surrogate is not a character');
    } else this.pos++;
  }

  /** string-literal (§2.3.1.1): '…' or "…" with JSON-like escapes; the other quote needs no escape. */
  string(): string {
    const quote = this.peek() as string;
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('unterminated string: add the closing quote', start, this.src.length);
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        out += this.escape(quote);
        continue;
      }
      if (c.charCodeAt(0) < 0x20) this.fail('control characters must be escaped in a string');
      const from = this.pos;
      this.scalar();
      out += this.src.slice(from, this.pos);
    }
  }

  private escape(quote: string): string {
    const at = this.pos;
    const c = this.src[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '/':
        return '/';
      case '\\':
        return '\\';
      case 'u':
        return this.unicode(at);
    }
    if (c === quote) return quote;
    return this.fail(
      'invalid escape: use \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX or an escaped quote',
      at,
      at + 2,
    );
  }

  /** `\uXXXX`, a high surrogate only as the first half of an escaped pair. */
  private unicode(at: number): string {
    const hex = (): number => {
      const digits = this.src.slice(this.pos, this.pos + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail('\\u needs four hexadecimal digits', at, this.pos + 4);
      this.pos += 4;
      return parseInt(digits, 16);
    };
    const first = hex();
    if (first >= 0xdc00 && first <= 0xdfff) this.fail('a low surrogate must follow a high one', at, this.pos);
    if (first < 0xd800 || first > 0xdbff) return String.fromCharCode(first);
    if (!this.startsWith('\\u'))
      this.fail('a high surrogate must be followed by \\u and a low surrogate', at, this.pos);
    this.pos += 2;
    const second = hex();
    if (second < 0xdc00 || second > 0xdfff)
      this.fail('a high surrogate must be followed by a low surrogate', at, this.pos);
    return String.fromCharCode(first, second);
  }

  /** int (§2.3.3.1): "0" or an optional "-" then digits without a leading zero, within ±(2^53 − 1). */
  int(): number {
    const start = this.pos;
    this.eat('-');
    if (this.peek() === '0') {
      this.pos++;
      if (this.pos - start === 2) this.fail('-0 is not an index', start, this.pos);
      if (isDigit(this.peek())) this.fail('an integer has no leading zero', start, this.pos + 1);
    } else {
      if (!isDigit(this.peek())) this.fail('expected an integer');
      while (isDigit(this.peek())) this.pos++;
    }
    const value = Number(this.src.slice(start, this.pos));
    if (Math.abs(value) > MAX_INT) this.fail('the integer is out of range (±2^53 − 1)', start, this.pos);
    return value;
  }

  /** number (§2.3.5.1): int or -0, then an optional fraction and exponent. */
  number(): number {
    const start = this.pos;
    this.eat('-');
    if (this.peek() === '0') {
      this.pos++;
      if (isDigit(this.peek())) this.fail('a number has no leading zero', start, this.pos + 1);
    } else {
      if (!isDigit(this.peek())) this.fail('expected a number');
      while (isDigit(this.peek())) this.pos++;
    }
    if (this.peek() === '.') {
      this.pos++;
      if (!isDigit(this.peek())) this.fail('expected digits after the decimal point');
      while (isDigit(this.peek())) this.pos++;
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.pos++;
      if (this.peek() === '+' || this.peek() === '-') this.pos++;
      if (!isDigit(this.peek())) this.fail('expected digits in the exponent');
      while (isDigit(this.peek())) this.pos++;
    }
    return Number(this.src.slice(start, this.pos));
  }
}
