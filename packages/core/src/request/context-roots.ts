import { parseQuery } from '../jsonpath/index.js';
import { exprChildren, type ExprNode } from '../syntax/ast.js';
import { parseExpression } from '../syntax/parser.js';
import { mayContainPlaceholder, scan } from '../syntax/scan.js';
import type { JsonValue } from '../types.js';
import { handlebarsNodes } from './handlebars-nodes.js';
import { integrationTemplates } from './templates.js';

/** Thrown inside the walk when a template may read the context root as a whole: the answer is null. */
const WHOLE = Symbol('whole');

/**
 * Every top-level context name a document's templates may read — the first name of each path, of each
 * singular JSONPath query and of each Handlebars path or literal — or null when some template may read the root
 * itself or cannot be analysed (`{{ $ }}`, `$..x`, `$.*`, Handlebars `this`/`../`/`@root`, a template
 * that does not parse). Over-approximates: names bound by `$let`/`$each` or Handlebars blocks are listed
 * too. A render that only ever reads these names sees the same values in a context holding just them,
 * which is how renderRequest skips copying the rest of a payload (context.ts).
 */
export function contextRoots(doc: unknown): string[] | null {
  const names = new Set<string>();
  try {
    for (const t of integrationTemplates(doc)) {
      if (t.kind === 'handlebars') handlebarsRoots(t.template as string, names);
      else jsonRoots(t.template, names);
    }
  } catch (e) {
    if (e === WHOLE) return null;
    throw e;
  }
  return [...names];
}

function jsonRoots(value: JsonValue, names: Set<string>): void {
  if (typeof value === 'string') return stringRoots(value, names);
  if (Array.isArray(value)) return value.forEach((v) => jsonRoots(v, names));
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    stringRoots(key, names);
    jsonRoots(value[key] as JsonValue, names);
  }
}

function stringRoots(text: string, names: Set<string>): void {
  if (!mayContainPlaceholder(text, 'both')) return;
  let segments;
  try {
    segments = scan(text);
  } catch {
    throw WHOLE;
  }
  for (const seg of segments) {
    if (seg.kind !== 'expr') continue;
    let node: ExprNode;
    try {
      node = parseExpression(seg.source, seg.exprStart);
    } catch {
      throw WHOLE;
    }
    exprRoots(node, names);
  }
}

function exprRoots(node: ExprNode, names: Set<string>): void {
  if (node.type === 'path') names.add(node.root);
  else if (node.type === 'jsonpath') queryRoot(node.parsed ?? parseOrWhole(node.query), names);
  else for (const child of exprChildren(node)) exprRoots(child, names);
}

function parseOrWhole(query: string): ReturnType<typeof parseQuery> {
  try {
    return parseQuery(query);
  } catch {
    throw WHOLE;
  }
}

/** `$.name…` reads `name`; `$[0]…` reads nothing of an object root; anything else may read it all. */
function queryRoot(query: ReturnType<typeof parseQuery>, names: Set<string>): void {
  const first = query.segments[0];
  if (query.root !== '$' || !query.singular || !first || first.kind !== 'child') throw WHOLE;
  const selector = first.selectors[0];
  if (first.selectors.length !== 1 || !selector) throw WHOLE;
  if (selector.kind === 'name') names.add(selector.name);
  else if (selector.kind !== 'index') throw WHOLE;
}

const HBS_LITERALS = new Set(['StringLiteral', 'NumberLiteral', 'BooleanLiteral']);

function handlebarsRoots(source: string, names: Set<string>): void {
  const nodes = handlebarsNodes(source);
  if (nodes === null) throw WHOLE;
  for (const n of nodes) {
    if (n.type === 'PathExpression') {
      const head = n.parts?.[0];
      // `@index`, `@key`, `@first`: loop data, not the context; `@root…` is the context itself.
      if (n.data === true && head !== 'root') continue;
      if (n.data === true || (n.depth ?? 0) > 0 || typeof head !== 'string') throw WHOLE;
      names.add(head);
    } else if (n.type !== undefined && HBS_LITERALS.has(n.type)) {
      // `{{"first name"}}`, `{{1}}`: a literal where a path goes is looked up by its text. Every literal
      // is listed (an argument too): more names than needed cost nothing.
      names.add(String(n.value));
    }
  }
}
