/** Pure helpers for the payload tree: children listing and search by name and value. */
import { pathToExpression, type PathSegment } from '../mapper/expressions.js';
import { typeOf, type ValueType } from '../editor/values.js';

export interface TreeEntry {
  key: PathSegment;
  path: PathSegment[];
  value: unknown;
  type: ValueType;
}

export function childrenOf(value: unknown, path: PathSegment[]): TreeEntry[] {
  if (Array.isArray(value))
    return value.map((v, i) => ({ key: i, path: [...path, i], value: v, type: typeOf(v) }));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => ({ key: k, path: [...path, k], value: v, type: typeOf(v) }));
  }
  return [];
}

export interface SearchHit {
  path: PathSegment[];
  expression: string;
  value: unknown;
  type: ValueType;
  /** Whether the name (key) or the value matched. */
  on: 'name' | 'value';
}

/**
 * Depth-first search over keys and scalar values, case-insensitive, capped at `limit` hits. A value a
 * provider context shows under several names (`data.title`, `conversation.title`, `common.title`, the
 * same object under two aliases) is listed once, under `common` when it has it (the cross-provider
 * view, the best to map), else where it is met first; `payload` (the raw
 * payload, the same values again) is not searched.
 */
export function searchTree(root: unknown, query: string, limit = 200): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const hits = new Map<string, SearchHit>();
  const seen = new Set<object>();
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  let visited = 0;
  while (stack.length > 0 && hits.size < limit && visited < 500_000) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    visited++;
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    const key = path[path.length - 1];
    const type = typeOf(value);
    const byName = typeof key === 'string' && key.toLowerCase().includes(needle);
    const byValue =
      !byName && type !== 'object' && type !== 'array' && String(value).toLowerCase().includes(needle);
    if (byName || byValue) {
      const hit: SearchHit = {
        path,
        expression: pathToExpression(path),
        value,
        type,
        on: byName ? 'name' : 'value',
      };
      const identity =
        type === 'object' || type === 'array'
          ? hit.expression
          : `${String(key)}\u0000${type}\u0000${String(value)}`;
      const kept = hits.get(identity);
      if (!kept || (path[0] === 'common' && kept.path[0] !== 'common')) hits.set(identity, hit);
    }
    const children = childrenOf(value, path).filter((c) => !(path.length === 0 && c.key === 'payload'));
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as TreeEntry;
      stack.push({ value: child.value, path: child.path });
    }
  }
  return [...hits.values()];
}
