import { describe, expect, it } from 'vitest';
import { decodedToTextOffset, diagnosticTextRange, lineColumn, scanJson } from '../../src/tooling.js';

describe('scanJson', () => {
  const text = '{\n  "a": {"b c": [1, "x{{y}}"]},\n  "k/~": true\n}';

  it('locates every pointer with key and value offsets', () => {
    const { locations, error } = scanJson(text);
    expect(error).toBeNull();
    const element = locations.get('/a/b c/1');
    expect(element?.kind).toBe('string');
    expect(text.slice(element!.valueStart, element!.valueEnd)).toBe('"x{{y}}"');
    const escaped = locations.get('/k~1~0');
    expect(text.slice(escaped!.keyStart!, escaped!.keyEnd!)).toBe('"k/~"');
    expect(text.slice(escaped!.valueStart, escaped!.valueEnd)).toBe('true');
    expect(locations.get('')?.kind).toBe('object');
  });

  it('reports the offset of a syntax error and keeps what it found', () => {
    const bad = '{"a": 1, "b": }';
    const { locations, error } = scanJson(bad);
    expect(error?.offset).toBe(bad.indexOf('}'));
    expect(locations.has('/a')).toBe(true);
  });

  it('rejects trailing text and unterminated strings', () => {
    expect(scanJson('{} x').error?.offset).toBe(3);
    expect(scanJson('"abc').error?.message).toMatch(/Unterminated/);
  });
});

describe('diagnostic ranges', () => {
  it('maps decoded string offsets through escapes', () => {
    const text = '{"t": "a\\"b {{ x }}"}';
    const { locations } = scanJson(text);
    // decoded string: a"b {{ x }} — the placeholder starts at decoded offset 4
    const range = diagnosticTextRange(text, locations, { path: '/t', start: 4, end: 11 });
    expect(text.slice(range.start, range.end)).toBe('{{ x }}');
  });

  it('handles \\u escapes', () => {
    const text = '["\\u00e9{{a}}"]';
    expect(text.slice(decodedToTextOffset(text, 1, 1))).toBe('{{a}}"]');
  });

  it('points at keys when the diagnostic is about a key', () => {
    const text = '{"{{k}}": 1}';
    const { locations } = scanJson(text);
    const range = diagnosticTextRange(text, locations, { path: '/{{k}}', start: 0, end: 5, key: true });
    expect(text.slice(range.start, range.end)).toBe('{{k}}');
  });

  it('falls back to the nearest ancestor for unknown pointers', () => {
    const text = '{"a": {"b": 1}}';
    const { locations } = scanJson(text);
    const range = diagnosticTextRange(text, locations, { path: '/a/zz', start: 0, end: 0 });
    expect(text.slice(range.start, range.end)).toBe('{"b": 1}');
  });

  it('computes 1-based lines and columns', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
