import { parseQuery } from '../jsonpath/index.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { ExprNode } from '../syntax/ast.js';
import { parseExpression } from '../syntax/parser.js';
import { mayContainPlaceholder, scan } from '../syntax/scan.js';
import type { JsonValue } from '../types.js';
import { parseHandlebars } from './handlebars-check.js';
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
  switch (node.type) {
    case 'path':
      names.add(node.root);
      return;
    case 'jsonpath':
      return queryRoot(node.parsed ?? parseOrWhole(node.query), names);
    case 'not':
      return exprRoots(node.operand, names);
    case 'binary':
      exprRoots(node.left, names);
      return exprRoots(node.right, names);
    case 'conditional':
      exprRoots(node.test, names);
      exprRoots(node.consequent, names);
      return exprRoots(node.alternate, names);
    case 'filter':
      exprRoots(node.input, names);
      return node.args.forEach((a) => exprRoots(a, names));
    default:
      return;
  }
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

interface HbsNode {
  type?: string;
  parts?: unknown[];
  depth?: number;
  data?: boolean;
  value?: unknown;
}

const HBS_LITERALS = new Set(['StringLiteral', 'NumberLiteral', 'BooleanLiteral']);

function handlebarsRoots(source: string, names: Set<string>): void {
  let program: unknown;
  try {
    program = parseHandlebars(source, DEFAULT_LIMITS);
  } catch {
    throw WHOLE;
  }
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as HbsNode;
    if (n.type === 'PathExpression') {
      const head = n.parts?.[0];
      // `@index`, `@key`, `@first`: loop data, not the context; `@root…` is the context itself.
      if (n.data === true && head !== 'root') return;
      if (n.data === true || (n.depth ?? 0) > 0 || typeof head !== 'string') throw WHOLE;
      names.add(head);
      return;
    }
    // `{{"first name"}}`, `{{1}}`: a literal where a path goes is looked up by its text. Every literal
    // is listed (an argument too): more names than needed cost nothing.
    if (n.type !== undefined && HBS_LITERALS.has(n.type)) {
      names.add(String(n.value));
      return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc') visit(v);
  };
  visit(program);
}
