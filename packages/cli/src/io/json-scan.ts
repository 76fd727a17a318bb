/**
 * A small JSON scanner that keeps source offsets. JSON.parse does the real parsing; this runs
 * only when we need a position: the first syntax error when V8 does not give one, or where the
 * value at a JSON Pointer sits in the file (to put a caret under a template problem).
 */

export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonScanError';
  }
}

export interface ValueLocation {
  /** Offset of the value's first character (the opening quote for strings). */
  start: number;
  /** Offset just past the value. */
  end: number;
  /** For object members: where the key literal starts and ends (quotes included). */
  keyStart?: number;
  keyEnd?: number;
}

type Visit = (pointer: string, location: ValueLocation) => boolean;

/** Offset of the first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | null {
  try {
    new Scanner(text, () => false).document();
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/** Where the value at `pointer` (RFC 6901) is in `text`, or null if absent or the text is not JSON. */
export function locatePointer(text: string, pointer: string): ValueLocation | null {
  let found: ValueLocation | null = null;
  try {
    new Scanner(text, (p, location) => {
      if (p !== pointer) return false;
      found = location;
      return true;
    }).document();
  } catch (error) {
    if (!(error instanceof JsonScanError)) throw error;
  }
  return found;
}

/**
 * Source offset of the character at `index` of the decoded string whose literal starts at
 * `literalStart` (the opening quote). Escapes make the two differ.
 */
export function stringIndexToOffset(text: string, literalStart: number, index: number): number {
  let offset = literalStart + 1;
  for (let decoded = 0; decoded < index && offset < text.length; decoded++) {
    const ch = text[offset];
    if (ch === '"') break;
    if (ch === '\\') offset += text[offset + 1] === 'u' ? 6 : 2;
    else offset += 1;
  }
  return offset;
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const FOUND = Symbol('found');

class Scanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly visit: Visit,
  ) {}

  document(): void {
    try {
      this.skipWhitespace();
      this.value('', undefined);
      this.skipWhitespace();
      if (this.pos < this.text.length) this.fail('Unexpected non-whitespace character after JSON');
    } catch (error) {
      if (error !== FOUND) throw error;
    }
  }

  private value(pointer: string, key: { start: number; end: number } | undefined): void {
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === '{') this.object(pointer);
    else if (ch === '[') this.array(pointer);
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else if (!this.literal('true') && !this.literal('false') && !this.literal('null')) {
      this.fail(ch === undefined ? 'Unexpected end of JSON input' : `Unexpected token '${ch}'`);
    }
    const location: ValueLocation = { start, end: this.pos };
    if (key) {
      location.keyStart = key.start;
      location.keyEnd = key.end;
    }
    if (this.visit(pointer, location)) throw FOUND;
  }

  private object(pointer: string): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('Expected double-quoted property name');
      const keyStart = this.pos;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.pos)) as string;
      const keyEnd = this.pos;
      this.skipWhitespace();
      this.expect(':', "Expected ':' after property name");
      this.skipWhitespace();
      this.value(`${pointer}/${escapePointerSegment(key)}`, { start: keyStart, end: keyEnd });
      this.skipWhitespace();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return;
      }
      this.expect(',', "Expected ',' or '}' after property value");
      this.skipWhitespace();
    }
  }

  private array(pointer: string): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(`${pointer}/${index}`, undefined);
      this.skipWhitespace();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return;
      }
      this.expect(',', "Expected ',' or ']' after array element");
      this.skipWhitespace();
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unterminated string in JSON');
      if (ch === '"') break;
      if (ch < ' ') this.fail('Bad control character in string literal');
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail('Bad Unicode escape');
          this.pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) this.fail('Bad escaped character');
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
  }

  private number(): void {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) this.fail('No number after minus sign');
    this.pos += match[0].length;
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    this.pos += word.length;
    return true;
  }

  private expect(ch: string, message: string): void {
    if (this.text[this.pos] !== ch)
      this.fail(this.pos >= this.text.length ? 'Unexpected end of JSON input' : message);
    this.pos++;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.has(this.text[this.pos] as string)) this.pos++;
  }

  private fail(message: string): never {
    throw new JsonScanError(message, this.pos);
  }
}
