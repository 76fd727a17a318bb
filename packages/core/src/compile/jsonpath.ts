import { Codes } from '../codes.js';
import { TemplateError } from '../errors.js';
import {
  JsonPathSyntaxError,
  parseQuery,
  select,
  singularValue,
  type JsonNode,
  type Query,
} from '../jsonpath/index.js';
import type { JsonPathNode } from '../syntax/ast.js';
import type { CompileEnv, Evaluator } from './env.js';

/**
 * `$…` expressions (SPEC §4): RFC 9535 queries, parsed once here and evaluated by jsonpath/. A singular
 * query (names and indexes only) yields one value or unresolved; any other query yields the array of
 * every selected value, possibly empty, never unwrapped.
 */
export function compileJsonPath(node: JsonPathNode, env: CompileEnv): Evaluator {
  env.references.add(node.query);
  const query = node.parsed ?? parse(node);
  if (query.singular) {
    return (s, st) => {
      const v = singularValue(query, s.ctx);
      if (v === undefined && st.pending)
        st.pending.push({
          reference: node.query,
          start: node.start,
          end: node.end,
          message: 'the query selects nothing',
        });
      return v;
    };
  }
  return (s, st) => {
    const root: JsonNode = { value: s.ctx, key: null, parent: null };
    const nodes = select(query, root, { root, maxDepth: st.limits.maxPayloadDepth });
    const values = new Array<unknown>(nodes.length);
    for (let i = 0; i < nodes.length; i++) values[i] = (nodes[i] as JsonNode).value;
    return values;
  };
}

/** The parsed query, or H106 with the offsets of the culprit in the template string. */
function parse(node: JsonPathNode): Query {
  try {
    return parseQuery(node.query);
  } catch (e) {
    if (!(e instanceof JsonPathSyntaxError)) throw e;
    throw new TemplateError(Codes.INVALID_JSONPATH, `Invalid JSONPath ${node.query}: ${e.message}.`, {
      start: node.start + e.start,
      end: node.start + e.end,
    });
  }
}
