/**
 * Large outputs: each long string in a rendered body is shortened on its own (keeping every other
 * field visible), and the user can expand any of them; the whole preview is never cut.
 */
import { joinPointer } from '@hookmap/core/tooling';
import type { JsonValue } from '@hookmap/core';

/** Strings longer than this are shown shortened until expanded. */
export const MAX_SHOWN_STRING = 2_000;

export interface Shortened {
  /** JSON Pointer into the body ('' for a text body). */
  pointer: string;
  /** The full length in characters. */
  length: number;
}

export function shortenedText(text: string, max = MAX_SHOWN_STRING): string {
  return `${text.slice(0, max)}… (+${(text.length - max).toLocaleString('en')} characters)`;
}

/** A copy of `value` with each string longer than `max` shortened, except at `expanded` pointers. */
export function shortenStrings(
  value: JsonValue,
  expanded: ReadonlySet<string>,
  max = MAX_SHOWN_STRING,
): { value: JsonValue; shortened: Shortened[] } {
  const shortened: Shortened[] = [];
  const walk = (node: JsonValue, pointer: string): JsonValue => {
    if (typeof node === 'string') {
      if (node.length <= max || expanded.has(pointer)) return node;
      shortened.push({ pointer, length: node.length });
      return shortenedText(node, max);
    }
    if (Array.isArray(node)) return node.map((child, i) => walk(child, joinPointer(pointer, i)));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
      for (const [key, child] of Object.entries(node)) out[key] = walk(child, joinPointer(pointer, key));
      return out;
    }
    return node;
  };
  return { value: walk(value, ''), shortened };
}
