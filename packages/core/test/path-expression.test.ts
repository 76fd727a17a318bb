import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { expressionToPath, pathToExpression } from '../src/tooling.js';
import type { PathSegment } from '../src/tooling.js';

/** Each payload path, the expression a tool writes for it, and a context that holds a value there. */
const cases: { path: PathSegment[]; expression: string }[] = [
  { path: ['data_capture', 'customer_name'], expression: 'data_capture.customer_name' },
  { path: ['items', 0, 'name'], expression: 'items[0].name' },
  { path: ['meeting-id'], expression: 'meeting-id' },
  { path: ['a', 'key with spaces'], expression: 'a["key with spaces"]' },
  { path: ['a', '$b'], expression: 'a["$b"]' },
  { path: ['a', 'x"y\\z'], expression: 'a["x\\"y\\\\z"]' },
  { path: ['a', 'true'], expression: 'a["true"]' },
  { path: ['first name'], expression: '$["first name"]' },
  { path: ['$id', 'x'], expression: '$["$id"]["x"]' },
  { path: ['null'], expression: '$["null"]' },
  { path: ['données', 'prénom'], expression: 'données.prénom' },
  { path: ['a', '-b'], expression: 'a["-b"]' },
];

function contextFor(path: PathSegment[], value: unknown): unknown {
  let v: unknown = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const s = path[i] as PathSegment;
    v = typeof s === 'number' ? Object.assign(new Array(s + 1).fill(null), { [s]: v }) : { [s]: v };
  }
  return v;
}

describe('payload paths as expressions (one grammar: what a tool writes, the compiler reads)', () => {
  it.each(cases)('$expression', ({ path, expression }) => {
    expect(pathToExpression(path)).toBe(expression);
    expect(expressionToPath(expression)).toEqual(path);
    const context = contextFor(path, 'found') as object;
    expect(compile(`{{ ${expression} }}`).render(context)).toBe('found');
  });

  it('the empty path is the context root', () => {
    expect(pathToExpression([])).toBe('$');
    expect(expressionToPath('$')).toEqual([]);
  });

  it('is null for anything that is more than a path', () => {
    for (const e of ['a | upper', 'a ?? b', '"text"', '3', 'true', '$..x', '$.items[*]', 'a[', '']) {
      expect(expressionToPath(e)).toBeNull();
    }
  });
});
