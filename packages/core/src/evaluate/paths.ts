import type { PathSegment } from '../syntax/ast.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * One step of a path: own properties of objects, integer indexes of arrays (negative counts
 * from the end). Anything else — inherited members, string methods, array `length` — is
 * unresolved (`undefined`).
 */
export function step(value: unknown, key: PathSegment): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    const index = typeof key === 'number' ? key : toIndex(key);
    if (index === undefined) return undefined;
    return index < 0 ? value[value.length + index] : value[index];
  }
  const name = typeof key === 'number' ? String(key) : key;
  return hasOwn.call(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

export function lookup(value: unknown, segments: readonly PathSegment[]): unknown {
  for (let i = 0; i < segments.length && value !== undefined; i++)
    value = step(value, segments[i] as PathSegment);
  return value;
}

const dottedPaths = new Map<string, PathSegment[]>();

/**
 * `map: "a.b"`, `where: "a.b"`, `sort_by: "a.b"` take a dotted path into each element. The
 * argument is nearly always a literal, so parsed paths are kept (a bounded cache), not re-split per render.
 */
export function parseDottedPath(path: string): PathSegment[] {
  let segments = dottedPaths.get(path);
  if (segments === undefined) {
    segments = path === '' ? [] : path.split('.').map((part) => (/^-?\d+$/.test(part) ? Number(part) : part));
    if (dottedPaths.size >= 1000) dottedPaths.clear();
    dottedPaths.set(path, segments);
  }
  return segments;
}

function toIndex(key: string): number | undefined {
  return /^-?\d+$/.test(key) ? Number(key) : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Assigns without ever invoking the `__proto__` setter, so templated keys cannot pollute. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
