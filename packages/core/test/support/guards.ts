/** Helpers for the security tests: pollution checks, deep structures, generous time bounds. */
import { expect } from 'vitest';
import type { JsonValue } from '../../src/index.js';

const polluted = (): unknown => ({}) as Record<string, unknown>;

export function expectClean(out: unknown): void {
  expect((polluted() as Record<string, unknown>)['polluted']).toBeUndefined();
  if (out !== null && typeof out === 'object') {
    const proto: unknown = Object.getPrototypeOf(out);
    expect(proto === null || proto === Object.prototype || proto === Array.prototype).toBe(true);
    expect((out as Record<string, unknown>)['polluted']).toBeUndefined();
  }
}

/** Builds `{a: {a: ... 1}}` without recursion. */
export function nested(depth: number, wrap: (inner: JsonValue) => JsonValue, leaf: JsonValue = 1): JsonValue {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

/** Runs fn and fails if it takes longer than `ms` (generous: catches super-linear, not slow machines). */
export function within<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

/** Removes comments so that prose such as "no eval()" in a comment does not count. */
export function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
