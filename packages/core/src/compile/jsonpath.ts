import { JSONPath } from 'jsonpath-plus';
import { Codes } from '../codes.js';
import { TemplateError } from '../errors.js';
import { lookup } from '../evaluate/paths.js';
import type { PathSegment } from '../syntax/ast.js';
import type { JsonPathNode } from '../syntax/ast.js';
import type { CompileEnv, Evaluator } from './env.js';

const NAME = /^[A-Za-z_\u0080-\uffff][\w\u0080-\uffff-]*/;

/**
 * RFC 9535 singular query (`$`, `.name`, `['name']`, `[0]`, `[-1]` only): its segments,
 * or null when the query can match several nodes.
 */
export function singularSegments(query: string): PathSegment[] | null {
  if (query[0] !== '$') return null;
  const segments: PathSegment[] = [];
  let rest = query.slice(1);
  while (rest.length) {
    let m: RegExpMatchArray | null;
    if (rest[0] === '.' && (m = rest.slice(1).match(NAME))) {
      segments.push(m[0]);
      rest = rest.slice(1 + m[0].length);
    } else if ((m = rest.match(/^\[(-?\d+)\]/))) {
      segments.push(Number(m[1]));
      rest = rest.slice(m[0].length);
    } else if ((m = rest.match(/^\['((?:[^'\\]|\\.)*)'\]/) ?? rest.match(/^\["((?:[^"\\]|\\.)*)"\]/))) {
      segments.push((m[1] as string).replace(/\\(.)/g, '$1'));
      rest = rest.slice(m[0].length);
    } else {
      return null;
    }
  }
  return segments;
}

export function compileJsonPath(node: JsonPathNode, env: CompileEnv): Evaluator {
  env.references.add(node.query);
  const segments = singularSegments(node.query);
  if (segments) {
    return (s) => lookup(s.ctx, segments);
  }
  checkQuery(node);
  const path = node.query;
  return (s, st) => {
    st.measure(s.ctx);
    try {
      return JSONPath({ path, json: s.ctx as object, wrap: true, eval: 'safe' }) ?? [];
    } catch (e) {
      st.report({
        severity: 'warning',
        code: Codes.JSONPATH_FAILED,
        message: `JSONPath ${path} failed: ${(e as Error).message}; the value is an empty list.`,
        path: env.pointer,
        start: node.start,
        end: node.end,
      });
      return [];
    }
  };
}

function checkQuery(node: JsonPathNode): void {
  let problem: string | undefined;
  if (!balanced(node.query)) problem = 'brackets or parentheses are not balanced';
  else {
    try {
      JSONPath({ path: node.query, json: { a: [{ b: 1 }] }, wrap: true, eval: 'safe' });
    } catch (e) {
      problem = (e as Error).message;
    }
  }
  if (problem) {
    throw new TemplateError(Codes.INVALID_JSONPATH, `Invalid JSONPath ${node.query}: ${problem}.`, { start: node.start, end: node.end });
  }
}

function balanced(query: string): boolean {
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < query.length; i++) {
    const ch = query[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') stack.push(ch === '[' ? ']' : ')');
    else if (ch === ']' || ch === ')') {
      if (stack.pop() !== ch) return false;
    }
  }
  return stack.length === 0 && !quote;
}
