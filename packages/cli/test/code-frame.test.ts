import { describe, expect, it } from 'vitest';
import { codeFrame, offsetToLineColumn, stringFrame } from '../src/io/code-frame.js';

describe('offsetToLineColumn', () => {
  it('counts 1-based lines and columns', () => {
    expect(offsetToLineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToLineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(offsetToLineColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});

describe('codeFrame', () => {
  it('shows the line with its number, one line of context and a caret under the range', () => {
    const text = '{\n  "url": "x/{{ id | uper }}"\n}';
    const start = text.indexOf('uper');
    expect(codeFrame(text, start, start + 4)).toBe(
      ['  1 | {', '> 2 |   "url": "x/{{ id | uper }}"', '    |                     ^^^^'].join('\n'),
    );
  });

  it('keeps the caret visible on very long lines', () => {
    const line = 'x'.repeat(1000) + 'HERE' + 'y'.repeat(1000);
    const frame = codeFrame(line, 1000, 1004).split('\n');
    const caretColumn = frame[1]!.indexOf('^');
    expect(frame[0]!.slice(caretColumn, caretColumn + 4)).toBe('HERE');
    expect(frame[0]!.length).toBeLessThan(200);
  });

  it('frames a lone string value', () => {
    expect(stringFrame('{{ a', 0, 2)).toBe('> 1 | {{ a\n    | ^^');
  });
});
