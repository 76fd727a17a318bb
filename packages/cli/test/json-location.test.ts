import { describe, expect, it } from 'vitest';
import { CliError } from '../src/io/errors.js';
import { jsonErrorOffset, parseJsonWithLocation } from '../src/io/json-location.js';
import { findJsonSyntaxError, locatePointer, stringIndexToOffset } from '../src/io/json-scan.js';

function parseError(text: string): CliError {
  try {
    parseJsonWithLocation(text, 'p.json');
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('parseJsonWithLocation', () => {
  it('parses valid JSON and strips a BOM', () => {
    expect(parseJsonWithLocation('\uFEFF{"a":[1,true,null]}', 'x.json')).toEqual({ a: [1, true, null] });
  });

  it('reports line and column from V8 "at position N"', () => {
    const error = parseError('{\n  "a": 1,\n  "b" 2\n}');
    expect(error.message).toMatch(/^p\.json:3:7: invalid JSON: \S/);
    expect(error.frame).toContain('3 |   "b" 2');
    expect(error.frame?.split('\n').at(-1)).toMatch(/^\s+\|\s{7}\^$/);
  });

  it('finds the position itself when V8 gives none (unexpected token)', () => {
    const error = parseError('{\n  "a": tru\n}');
    expect(error.message).toMatch(/^p\.json:2:8: invalid JSON: Unexpected token/);
    expect(jsonErrorOffset('{\n  "a": tru\n}', "Unexpected token '\\n', ...").offset).toBe(9);
  });

  it('points past the end for truncated input', () => {
    expect(parseError('[1, 2').message).toMatch(/^p\.json:1:6: invalid JSON/);
    expect(parseError('').message).toBe('p.json:1:1: invalid JSON: Unexpected end of JSON input');
  });

  it('adds a line offset for NDJSON lines', () => {
    expect(() => parseJsonWithLocation('{"a":}', 'in.ndjson', { lineOffset: 41 })).toThrow(
      /^in\.ndjson:42:6: /,
    );
  });
});

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a":1}', null],
    ['{"a":}', 5],
    ['{"a":1,}', 7],
    ['[1 2]', 3],
    ['"\\x"', 1],
    ['{"a":1} x', 8],
    ['-', 0],
    ['"a\nb"', 2],
  ])('%j -> %s', (text, offset) => {
    expect(findJsonSyntaxError(text)?.offset ?? null).toBe(offset);
  });
});

describe('locatePointer', () => {
  const text =
    '{\n  "url": "https://x/{{id}}",\n  "headers": {"a/b": "v", "x~y": "w"},\n  "list": [1, {"k": "z"}]\n}';

  it('finds values, keys, escaped pointer segments and array items', () => {
    const url = locatePointer(text, '/url');
    expect(text.slice(url!.start, url!.end)).toBe('"https://x/{{id}}"');
    expect(text.slice(url!.keyStart, url!.keyEnd)).toBe('"url"');
    const ab = locatePointer(text, '/headers/a~1b');
    expect(text.slice(ab!.start, ab!.end)).toBe('"v"');
    expect(text.slice(locatePointer(text, '/headers/x~0y')!.start).startsWith('"w"')).toBe(true);
    const k = locatePointer(text, '/list/1/k');
    expect(text.slice(k!.start, k!.end)).toBe('"z"');
    expect(locatePointer(text, '')!.start).toBe(0);
  });

  it('returns null for absent pointers', () => {
    expect(locatePointer(text, '/nope')).toBeNull();
    expect(locatePointer(text, '/list/5')).toBeNull();
  });
});

describe('stringIndexToOffset', () => {
  it('maps decoded indexes through escapes', () => {
    const text = '{"a": "x\\n\\u00e9{{y}}"}';
    const start = text.indexOf('"x');
    const decoded = JSON.parse(text.slice(start, text.length - 1)) as string;
    const index = decoded.indexOf('{{');
    expect(text.slice(stringIndexToOffset(text, start, index)).startsWith('{{y}}')).toBe(true);
  });
});
