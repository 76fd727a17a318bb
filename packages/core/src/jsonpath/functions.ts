import type { FnType } from './ast.js';
import { compileIRegexp, type IRegexp } from './iregexp.js';

/** The function extensions of RFC 9535 §2.4: parameter and result types. */
export const SIGNATURES: Readonly<Record<string, { params: FnType[]; result: FnType }>> = {
  length: { params: ['value'], result: 'value' },
  count: { params: ['nodes'], result: 'value' },
  match: { params: ['value', 'value'], result: 'logical' },
  search: { params: ['value', 'value'], result: 'logical' },
  value: { params: ['nodes'], result: 'value' },
};

/** length(): code points of a string, elements of an array, members of an object; otherwise Nothing. */
export function lengthOf(v: unknown): number | undefined {
  if (typeof v === 'string') {
    let n = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff || !(v.charCodeAt(i + 1) >= 0xdc00 && v.charCodeAt(i + 1) <= 0xdfff)) n++;
    }
    return n;
  }
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length;
  return undefined;
}

const patterns = new Map<string, IRegexp | null>();

/** match() and search(): false unless both are strings and the pattern is a valid I-Regexp. */
export function regexTest(text: unknown, pattern: unknown, whole: boolean): boolean {
  if (typeof text !== 'string' || typeof pattern !== 'string') return false;
  let re = patterns.get(pattern);
  if (re === undefined) {
    re = compileIRegexp(pattern);
    if (patterns.size >= 500) patterns.clear();
    patterns.set(pattern, re);
  }
  if (re === null) return false;
  return whole ? re.matches(text) : re.finds(text);
}
