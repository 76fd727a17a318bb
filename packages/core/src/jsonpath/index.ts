export type { Query } from './ast.js';
export { parseQuery, readQuery, isValidQuery, JsonPathSyntaxError } from './parse.js';
export { select, singularValue, type JsonNode, type Run } from './evaluate.js';

import type { Query } from './ast.js';
import { select, singularValue } from './evaluate.js';
import { DEFAULT_LIMITS } from '../limits.js';

/** Every value a query selects from `root` (a singular query too: a list of at most one). */
export function queryValues(
  query: Query,
  root: unknown,
  maxDepth = DEFAULT_LIMITS.maxPayloadDepth,
): unknown[] {
  if (query.singular) {
    const v = singularValue(query, root);
    return v === undefined ? [] : [v];
  }
  const node = { value: root, key: null, parent: null };
  return select(query, node, { root: node, maxDepth }).map((n) => n.value);
}
