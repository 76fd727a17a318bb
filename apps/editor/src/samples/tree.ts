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

/** Depth-first search over keys and scalar values, case-insensitive, capped at `limit` hits. */
export function searchTree(root: unknown, query: string, limit = 200): SearchHit[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const hits: SearchHit[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  let visited = 0;
  while (stack.length > 0 && hits.length < limit && visited < 500_000) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    visited++;
    const key = path[path.length - 1];
    const type = typeOf(value);
    if (typeof key === 'string' && key.toLowerCase().includes(needle)) {
      hits.push({ path, expression: pathToExpression(path), value, type, on: 'name' });
    } else if (type !== 'object' && type !== 'array' && String(value).toLowerCase().includes(needle)) {
      hits.push({ path, expression: pathToExpression(path), value, type, on: 'value' });
    }
    const children = childrenOf(value, path);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as TreeEntry;
      stack.push({ value: child.value, path: child.path });
    }
  }
  return hits;
}
