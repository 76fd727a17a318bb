/**
 * A small JSON parser that keeps what a re-serialiser needs to reproduce another language's output:
 * numbers keep their source text, objects keep every member. It never evaluates anything.
 */

export type RawJson =
  | { kind: 'object'; members: [string, RawJson][] }
  | { kind: 'array'; items: RawJson[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'literal'; text: 'true' | 'false' | 'null' };

export class RawJsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'RawJsonError';
  }
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
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

export function parseRawJson(source: string): RawJson {
  const parser = new Parser(source);
  const value = parser.value(0);
  parser.skipWhitespace();
  if (parser.offset !== source.length)
    throw new RawJsonError('Unexpected text after the JSON value', parser.offset);
  return value;
}

class Parser {
  offset = 0;
  constructor(private readonly source: string) {}

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.offset;
    WHITESPACE.exec(this.source);
    this.offset = WHITESPACE.lastIndex;
  }

  value(depth: number): RawJson {
    if (depth > MAX_DEPTH) throw new RawJsonError('JSON nested too deeply', this.offset);
    this.skipWhitespace();
    const char = this.source[this.offset];
    if (char === '{') return this.object(depth);
    if (char === '[') return this.array(depth);
    if (char === '"') return { kind: 'string', value: this.string() };
    for (const literal of ['true', 'false', 'null'] as const) {
      if (this.source.startsWith(literal, this.offset)) {
        this.offset += literal.length;
        return { kind: 'literal', text: literal };
      }
    }
    return this.number();
  }

  private object(depth: number): RawJson {
    const members: [string, RawJson][] = [];
    this.offset += 1;
    this.skipWhitespace();
    if (this.source[this.offset] === '}') {
      this.offset += 1;
      return { kind: 'object', members };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.source[this.offset] !== '"') throw new RawJsonError('Expected a property name', this.offset);
      const key = this.string();
      this.skipWhitespace();
      this.expect(':');
      members.push([key, this.value(depth + 1)]);
      if (this.endOfList('}')) return { kind: 'object', members };
    }
  }

  private array(depth: number): RawJson {
    const items: RawJson[] = [];
    this.offset += 1;
    this.skipWhitespace();
    if (this.source[this.offset] === ']') {
      this.offset += 1;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      if (this.endOfList(']')) return { kind: 'array', items };
    }
  }

  /** After an element: true at the closing bracket, false after a comma. */
  private endOfList(close: string): boolean {
    this.skipWhitespace();
    const char = this.source[this.offset];
    this.offset += 1;
    if (char === close) return true;
    if (char === ',') return false;
    throw new RawJsonError(`Expected ',' or '${close}'`, this.offset - 1);
  }

  private expect(char: string): void {
    if (this.source[this.offset] !== char) throw new RawJsonError(`Expected '${char}'`, this.offset);
    this.offset += 1;
  }

  private number(): RawJson {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.source);
    if (!match) throw new RawJsonError('Unexpected character', this.offset);
    this.offset = NUMBER.lastIndex;
    return { kind: 'number', text: match[0] };
  }

  private string(): string {
    let out = '';
    let chunkStart = ++this.offset;
    for (;;) {
      const code = this.source.charCodeAt(this.offset);
      if (Number.isNaN(code)) throw new RawJsonError('Unterminated string', this.offset);
      if (code < 0x20) throw new RawJsonError('Control character in string', this.offset);
      if (code === 0x22) {
        out += this.source.slice(chunkStart, this.offset);
        this.offset += 1;
        return out;
      }
      if (code === 0x5c) {
        out += this.source.slice(chunkStart, this.offset) + this.escape();
        chunkStart = this.offset;
      } else {
        this.offset += 1;
      }
    }
  }

  private escape(): string {
    const char = this.source[this.offset + 1] ?? '';
    if (char === 'u') {
      const hex = this.source.slice(this.offset + 2, this.offset + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new RawJsonError('Bad \\u escape', this.offset);
      this.offset += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const decoded = ESCAPES[char];
    if (decoded === undefined) throw new RawJsonError('Bad escape', this.offset);
    this.offset += 2;
    return decoded;
  }
}
