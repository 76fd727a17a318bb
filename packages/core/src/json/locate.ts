/**
 * A small position-tracking JSON scanner. It maps every JSON Pointer in a document to the
 * text offsets of its key and value, so diagnostics that core reports as
 * `{ path, start, end }` (offsets inside the string at `path`) can become editor ranges,
 * and so mapping edits can replace one value without reformatting the whole template.
 */

import { escapePointerSegment } from './pointer.js';

export interface JsonLocation {
  pointer: string;
  /** Offsets of the key token, quotes included (absent for array elements and the root). */
  keyStart?: number;
  keyEnd?: number;
  /** Offsets of the value token; for strings the quotes are included. */
  valueStart: number;
  valueEnd: number;
  kind: 'object' | 'array' | 'string' | 'number' | 'literal';
}

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export interface JsonScan {
  locations: Map<string, JsonLocation>;
  error: JsonSyntaxError | null;
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Scans `text`; on a syntax error the locations found so far are kept and the error is returned. */
export function scanJson(text: string): JsonScan {
  const locations = new Map<string, JsonLocation>();
  const scanner = new Scanner(text, locations);
  try {
    scanner.document();
    return { locations, error: null };
  } catch (error) {
    if (error instanceof ScanError)
      return { locations, error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

class Scanner {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly locations: Map<string, JsonLocation>,
  ) {}

  document(): void {
    this.skipSpace();
    this.value('', undefined);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('Unexpected text after the JSON value');
  }

  private fail(message: string, offset = this.pos): never {
    throw new ScanError(message, offset);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos] as string)) this.pos++;
  }

  private value(pointer: string, key: { start: number; end: number } | undefined): void {
    const start = this.pos;
    const ch = this.text[this.pos];
    let kind: JsonLocation['kind'];
    const location: JsonLocation = { pointer, valueStart: start, valueEnd: start, kind: 'literal' };
    if (key) {
      location.keyStart = key.start;
      location.keyEnd = key.end;
    }
    this.locations.set(pointer, location);
    if (ch === '{') kind = this.object(pointer);
    else if (ch === '[') kind = this.array(pointer);
    else if (ch === '"') {
      this.string();
      kind = 'string';
    } else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      this.number();
      kind = 'number';
    } else {
      this.literal();
      kind = 'literal';
    }
    location.kind = kind;
    location.valueEnd = this.pos;
  }

  private object(pointer: string): 'object' {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return 'object';
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('Expected a property name in double quotes');
      const keyStart = this.pos;
      const key = this.string();
      const keyEnd = this.pos;
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("Expected ':' after the property name");
      this.pos++;
      this.skipSpace();
      this.value(`${pointer}/${escapePointerSegment(key)}`, { start: keyStart, end: keyEnd });
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return 'object';
      }
      this.fail("Expected ',' or '}' after the property value");
    }
  }

  private array(pointer: string): 'array' {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return 'array';
    }
    for (let index = 0; ; index++) {
      this.skipSpace();
      this.value(`${pointer}/${index}`, undefined);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return 'array';
      }
      this.fail("Expected ',' or ']' after the array element");
    }
  }

  /** Reads a string token and returns its decoded value. */
  private string(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unterminated string', start);
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\n') this.fail('Line break inside a string');
      if (ch === '\\') {
        const esc = this.text[this.pos + 1];
        if (esc === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
          continue;
        }
        const decoded = ESCAPES[esc ?? ''];
        if (decoded === undefined) this.fail('Invalid escape sequence');
        out += decoded;
        this.pos += 2;
        continue;
      }
      out += ch;
      this.pos++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail('Invalid number');
    this.pos += match[0].length;
  }

  private literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(
      this.pos >= this.text.length
        ? 'Unexpected end of JSON'
        : `Unexpected token ${JSON.stringify(this.text[this.pos])}`,
    );
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Offset in the source text of the character at `decodedOffset` of the string token that
 * starts (opening quote) at `tokenStart`. Escapes make the two differ.
 */
export function decodedToTextOffset(text: string, tokenStart: number, decodedOffset: number): number {
  let pos = tokenStart + 1;
  let decoded = 0;
  while (decoded < decodedOffset && pos < text.length && text[pos] !== '"') {
    pos += text[pos] === '\\' ? (text[pos + 1] === 'u' ? 6 : 2) : 1;
    decoded++;
  }
  return pos;
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Text range of a diagnostic `{ path, start, end, key? }`. Falls back to the nearest existing
 * ancestor when the pointer is not in the document (e.g. the text changed meanwhile).
 */
export function diagnosticTextRange(
  text: string,
  locations: Map<string, JsonLocation>,
  diagnostic: { path: string; start: number; end: number; key?: boolean },
): TextRange {
  const location = nearestLocation(locations, diagnostic.path);
  if (!location) return { start: 0, end: Math.min(text.length, 1) };
  const exact = location.pointer === diagnostic.path;
  const useKey = diagnostic.key === true && location.keyStart !== undefined;
  const tokenStart = useKey ? (location.keyStart as number) : location.valueStart;
  const tokenEnd = useKey ? (location.keyEnd as number) : location.valueEnd;
  const isString = useKey || location.kind === 'string';
  if (!exact || !isString || diagnostic.end <= diagnostic.start) {
    return { start: tokenStart, end: Math.max(tokenEnd, tokenStart + 1) };
  }
  const start = decodedToTextOffset(text, tokenStart, diagnostic.start);
  const end = decodedToTextOffset(text, tokenStart, diagnostic.end);
  return { start, end: Math.min(Math.max(end, start + 1), tokenEnd) };
}

export function nearestLocation(
  locations: Map<string, JsonLocation>,
  pointer: string,
): JsonLocation | undefined {
  let current = pointer;
  for (;;) {
    const location = locations.get(current);
    if (location) return location;
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
