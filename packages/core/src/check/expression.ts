import { Codes } from '../codes.js';
import { filterRegistry } from '../filters/index.js';
import type { BinaryNode, ExprNode, FilterNode, JsonPathNode, PathNode, PathSegment } from '../syntax/ast.js';
import { didYouMean } from '../suggest.js';
import { applyFilter } from './apply-filter.js';
import { lookupBound, type CheckEnv } from './env.js';
import type { ArgType } from './filters.js';
import { member } from './paths.js';
import {
  booleanType,
  falsyPart,
  literal,
  literalBoolean,
  maybeFalsy,
  maybeNullish,
  maybeTruthy,
  missing,
  nonNullish,
  singleLiteral,
  truthyPart,
  union,
  unknown,
  type Type,
} from './type.js';
import { mayEqual } from './equality.js';

/** The type of an expression, and whether it may be `optional`'s "leave this out". */
export interface Inferred {
  type: Type;
  omit: boolean;
}

/** Infers an expression's type; reports unknown paths and filters that can never take their input. */
export function inferExpr(node: ExprNode, env: CheckEnv): Inferred {
  const result = inferNode(node, env);
  const probe = env.probe;
  if (probe && probe.pointer === env.pointer && node.start <= probe.offset && probe.offset <= node.end) {
    const found = probe.found;
    if (!found || found.source !== env.source || node.end - node.start <= found.node.end - found.node.start) {
      probe.found = { node, type: result.type, source: env.source };
    }
  }
  return result;
}

function inferNode(node: ExprNode, env: CheckEnv): Inferred {
  switch (node.type) {
    case 'literal':
      return plain(literal(node.value));
    case 'path':
      return plain(inferPath(node, env));
    case 'jsonpath':
      return plain(inferJsonPath(node, env));
    case 'not': {
      const t = inferExpr(node.operand, env).type;
      return plain(
        !maybeTruthy(t) ? literalBoolean(true) : !maybeFalsy(t) ? literalBoolean(false) : booleanType(),
      );
    }
    case 'conditional': {
      const test = inferExpr(node.test, env).type;
      const yes = inferExpr(node.consequent, env);
      const no = inferExpr(node.alternate, env);
      if (!maybeFalsy(test)) return yes;
      if (!maybeTruthy(test)) return no;
      return { type: union(yes.type, no.type), omit: yes.omit || no.omit };
    }
    case 'binary':
      return inferBinary(node, env);
    case 'filter':
      return inferFilter(node, env);
  }
}

const plain = (type: Type): Inferred => ({ type, omit: false });

function inferBinary(node: BinaryNode, env: CheckEnv): Inferred {
  const left = inferExpr(node.left, env);
  const right = inferExpr(node.right, env);
  const l = left.type;
  const omit = left.omit || right.omit;
  switch (node.operator) {
    case '??':
      return { type: maybeNullish(l) ? union(nonNullish(l), right.type) : l, omit };
    case '||':
      if (!maybeFalsy(l)) return left;
      return { type: maybeTruthy(l) ? union(truthyPart(l), right.type) : right.type, omit };
    case '&&':
      if (!maybeTruthy(l)) return left;
      return { type: maybeFalsy(l) ? union(falsyPart(l), right.type) : right.type, omit };
    case '==':
    case '!=': {
      const equal = mayEqual(l, right.type);
      const value =
        equal === 'always' ? node.operator === '==' : equal === 'never' ? node.operator === '!=' : null;
      return plain(value === null ? booleanType() : literalBoolean(value));
    }
    default: {
      // `<` and the others compare two numbers or two strings; any other pair is false.
      const r = right.type;
      const comparable = l.unknown || r.unknown || (!!l.number && !!r.number) || (!!l.string && !!r.string);
      return plain(comparable ? booleanType() : literalBoolean(false));
    }
  }
}

function inferFilter(node: FilterNode, env: CheckEnv): Inferred {
  const input = inferExpr(node.input, env);
  const args: ArgType[] = node.args.map((a) => {
    const type = inferExpr(a, env).type;
    const single = a.type === 'literal' ? { value: a.value } : singleLiteral(type);
    return { type, literal: single };
  });
  const def = Object.prototype.hasOwnProperty.call(env.filters, node.name)
    ? env.filters[node.name]
    : undefined;
  // An unknown filter is a compile error (H201), reported by validate(); nothing more to say here.
  if (!def) return { type: unknown(), omit: input.omit };
  if (def === filterRegistry.optional) {
    const t = input.type;
    const empty =
      maybeNullish(t) ||
      (t.string !== null && !t.string.nonEmpty) ||
      (t.array !== null && !t.array.nonEmpty) ||
      t.object !== null;
    return { type: withoutEmptyText(nonNullish(t)), omit: input.omit || empty };
  }
  if (def === filterRegistry.required) return { type: nonNullish(input.type), omit: input.omit };
  const outcome = applyFilter(node.name, def, input.type, args);
  if (outcome.rejected) {
    env.diagnostics.push({
      severity: 'error',
      code: Codes.FILTER_INPUT,
      message: `${outcome.rejected}: it always gives null here. Map another field, or convert the value first.`,
      path: env.pointer,
      start: node.nameStart,
      end: node.nameEnd,
      ...(env.key ? { key: true } : {}),
    });
  }
  return { type: outcome.type, omit: input.omit };
}

function withoutEmptyText(t: Type): Type {
  if (!t.string) return t;
  const values = t.string.values?.filter((v) => v !== '') ?? null;
  return { ...t, string: values && values.length === 0 ? null : { ...t.string, values, nonEmpty: true } };
}

function inferPath(node: PathNode, env: CheckEnv): Type {
  const bound = lookupBound(env, node.root);
  let current: Type;
  if (bound) current = bound;
  else {
    const root = member(env.context, node.root);
    if (root.undeclared) {
      reportUnknown(node, node.root, root.undeclared, env, true);
      return union(unknown(), missing());
    }
    current = root.type;
  }
  for (const segment of node.segments) {
    const step = member(current, segment);
    if (step.undeclared) {
      reportUnknown(node, segment, step.undeclared, env, false);
      return union(unknown(), missing());
    }
    current = step.type;
  }
  return current;
}

function reportUnknown(
  node: PathNode,
  key: PathSegment,
  candidates: string[],
  env: CheckEnv,
  atRoot: boolean,
): void {
  const name = String(key);
  let suggestion = didYouMean(name, candidates);
  if (!suggestion && atRoot && env.commonKeys.includes(name)) suggestion = `common.${name}`;
  const what = atRoot
    ? `No ${env.label} payload it is checked against has "${name}"`
    : `${pathBefore(node, key)} has no "${name}" in the ${env.label} schema`;
  env.diagnostics.push({
    severity: 'warning',
    code: Codes.UNKNOWN_PATH,
    message: `${what}, so ${node.text} is null.` + (suggestion ? ` Did you mean "${suggestion}"?` : ''),
    path: env.pointer,
    start: node.start,
    end: node.end,
    reference: node.text,
    ...(suggestion ? { suggestion } : {}),
    ...(env.key ? { key: true } : {}),
  });
}

function pathBefore(node: PathNode, key: PathSegment): string {
  const index = node.segments.indexOf(key);
  let text = node.root;
  for (const s of node.segments.slice(0, index)) text += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return text;
}

const SINGULAR = /^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[-?\d+\])|(\['[^'\\]*'\])|(\["[^"\\]*"\]))*$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;

/**
 * A JSONPath query of names and indexes only (`$.a.b[0]`) is singular: one value or null. Every other
 * query is typed `unknown` (an array of matches, or anything its syntax may add), which is always sound.
 */
function inferJsonPath(node: JsonPathNode, env: CheckEnv): Type {
  const query = node.query.trim();
  if (!SINGULAR.test(query)) return unknown();
  let current = env.context;
  for (const m of query.slice(1).matchAll(STEP)) {
    const key: PathSegment = m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4] ?? ''));
    current = member(current, key).type;
  }
  return current;
}
