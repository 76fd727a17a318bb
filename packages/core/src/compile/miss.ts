import { step } from '../evaluate/paths.js';
import type { Unresolved } from '../evaluate/state.js';
import { didYouMean } from '../suggest.js';
import type { PathNode, PathSegment } from '../syntax/ast.js';

/**
 * Describes where a path stopped resolving and, when asked, suggests a near miss
 * ("data_capture has no "name"; did you mean data_capture.customer_name?").
 */
export function explainMiss(node: PathNode, rootValue: unknown, detailed: boolean): Unresolved {
  const miss: Unresolved = { reference: node.text, start: node.start, end: node.end, message: '' };
  if (!detailed) return miss;
  if (rootValue === undefined) {
    miss.message = `"${node.root}" is not in the data`;
    return miss;
  }
  let value = rootValue;
  let where = node.root;
  for (let i = 0; i < node.segments.length; i++) {
    const key = node.segments[i] as PathSegment;
    const next = step(value, key);
    if (next === undefined) {
      miss.message = describeStop(where, value, key);
      const near = nearKey(value, key);
      if (near !== undefined) {
        miss.suggestion =
          where +
          fmt(near) +
          node.segments
            .slice(i + 1)
            .map(fmt)
            .join('');
        miss.message += `. Did you mean ${miss.suggestion}?`;
      }
      return miss;
    }
    value = next;
    where += fmt(key);
  }
  return miss;
}

function describeStop(where: string, value: unknown, key: PathSegment): string {
  if (value === null) return `${where} is null, so it has no "${key}"`;
  if (Array.isArray(value)) {
    return typeof key === 'number'
      ? `${where} has ${value.length} element(s), no index ${key}`
      : `${where} is an array: use an index like ${where}[0]`;
  }
  if (typeof value !== 'object') return `${where} is a ${typeof value}, not an object`;
  return `${where} has no "${key}"`;
}

function nearKey(value: unknown, key: PathSegment): string | undefined {
  if (typeof key !== 'string' || typeof value !== 'object' || value === null || Array.isArray(value))
    return undefined;
  return didYouMean(key, Object.keys(value));
}

function fmt(seg: PathSegment): string {
  return typeof seg === 'number'
    ? `[${seg}]`
    : /^[A-Za-z_][\w-]*$/.test(seg)
      ? `.${seg}`
      : `[${JSON.stringify(seg)}]`;
}
