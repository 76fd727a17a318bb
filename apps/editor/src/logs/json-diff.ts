/**
 * A small JSON diff for the History view (a version's document against the live one), in the shape of the
 * plan's RFC 6902 operations so both are shown alike. Objects are compared key by key, arrays index by index.
 */
import type { PatchOperation } from './types.js';

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The operations that turn `from` into `to`. */
export function diffJson(from: unknown, to: unknown, path = ''): PatchOperation[] {
  if (Array.isArray(from) && Array.isArray(to)) {
    const ops: PatchOperation[] = [];
    const common = Math.min(from.length, to.length);
    for (let i = 0; i < common; i++) ops.push(...diffJson(from[i], to[i], `${path}/${i}`));
    for (let i = common; i < to.length; i++) ops.push({ op: 'add', path: `${path}/${i}`, value: to[i] });
    for (let i = from.length - 1; i >= common; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
    return ops;
  }
  if (isObject(from) && isObject(to)) {
    const ops: PatchOperation[] = [];
    for (const key of Object.keys(from)) {
      if (!(key in to)) ops.push({ op: 'remove', path: `${path}/${escape(key)}` });
    }
    for (const [key, value] of Object.entries(to)) {
      const at = `${path}/${escape(key)}`;
      ops.push(...(key in from ? diffJson(from[key], value, at) : [{ op: 'add' as const, path: at, value }]));
    }
    return ops;
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ op: 'replace', path, value: to }];
}

/** The value at a JSON Pointer, or undefined. */
export function pointerGet(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const token of pointer.slice(1).split('/').map(unescape)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}
