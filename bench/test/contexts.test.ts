import { describe, expect, it } from 'vitest';
import { freshCopy, freshSource, rotatingSource } from '../harness/contexts.js';
import { jsonDifference } from '../harness/json-equal.js';

describe('context sources', () => {
  const payload = { a: { b: [1, { c: 'text' }] }, d: null };

  it('freshCopy builds new objects and arrays with equal content', () => {
    const copy = freshCopy(payload);
    expect(jsonDifference(copy, payload)).toBeNull();
    expect(copy.a).not.toBe(payload.a);
    expect(copy.a.b).not.toBe(payload.a.b);
    expect(copy.a.b[1]).not.toBe(payload.a.b[1]);
  });

  it('fresh contexts are never the same object twice', () => {
    const source = freshSource([payload], 10);
    const [first, second] = source.take(2, 0);
    expect(first).not.toBe(second);
    expect(source.take(1, 0)[0]).not.toBe(first);
  });

  it('rotation cycles through the copies from the cursor', () => {
    const copies = [{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }];
    expect(rotatingSource(copies).take(6, 2)).toEqual([
      copies[2],
      copies[3],
      copies[0],
      copies[1],
      copies[2],
      copies[3],
    ]);
    expect(() => rotatingSource(copies.slice(0, 3))).toThrow(/power of two/);
  });
});
