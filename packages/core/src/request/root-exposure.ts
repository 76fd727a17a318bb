import { exprChildren, type ExprNode } from '../syntax/ast.js';
import { parseExpression } from '../syntax/parser.js';
import { scan } from '../syntax/scan.js';
import type { JsonValue } from '../types.js';
import { handlebarsNodes } from './handlebars-nodes.js';
import { integrationTemplates } from './templates.js';

/**
 * Whether any template of a document can yield the context root itself — the only way a value could
 * enumerate the names read by name only (`secrets`, `connection`, `steps`, `response`). A path
 * (`a.b`) never yields the root, and neither does a singular JSONPath with a segment (`$.a[0]`);
 * every other JSONPath query does (`$`, `$..*`, `$.*`, filters), and so may a Handlebars body that
 * reads `this`, `.`, `../` or `@root`. Conservative: what does not parse counts as exposing.
 * When nothing exposes the root, the scope names can be plain properties (a `defineProperty` per name
 * costs a runtime call per render, as much as a small request builder): no template can tell.
 */
export function exposesRoot(doc: unknown): boolean {
  for (const t of integrationTemplates(doc)) {
    if (t.kind === 'handlebars' ? handlebarsExposes(t.template as string) : jsonExposes(t.template))
      return true;
  }
  return false;
}

/** `$.name`, `$['name']`, `$[0]`, repeated, at least once: RFC 9535 singular queries with a segment. */
const SINGULAR =
  /^\$(?:\s*(?:\.\s*[A-Za-z_][\w-]*|\[\s*-?\d+\s*\]|\[\s*'(?:[^'\\]|\\.)*'\s*\]|\[\s*"(?:[^"\\]|\\.)*"\s*\]))+$/;

function jsonExposes(value: JsonValue): boolean {
  if (typeof value === 'string') return stringExposes(value);
  if (Array.isArray(value)) return value.some(jsonExposes);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => stringExposes(k) || jsonExposes(v));
}

function stringExposes(text: string): boolean {
  if (!text.includes('$')) return false;
  try {
    return scan(text).some(
      (seg) => seg.kind === 'expr' && exprExposes(parseExpression(seg.source, seg.exprStart)),
    );
  } catch {
    return true;
  }
}

function exprExposes(node: ExprNode): boolean {
  if (node.type === 'jsonpath') return !SINGULAR.test(node.query.trim());
  return exprChildren(node).some(exprExposes);
}

function handlebarsExposes(source: string): boolean {
  const nodes = handlebarsNodes(source);
  if (nodes === null) return true;
  return nodes.some(
    (n) =>
      n.type === 'PathExpression' &&
      ((n.parts?.length ?? 0) === 0 || (n.depth ?? 0) > 0 || (n.data === true && n.parts?.[0] === 'root')),
  );
}
