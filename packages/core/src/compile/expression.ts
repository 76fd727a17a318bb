import { compare, equals, truthy } from '../evaluate/operators.js';
import { step } from '../evaluate/paths.js';
import type { RenderState } from '../evaluate/state.js';
import type { ExprNode, PathNode, PathSegment } from '../syntax/ast.js';
import { compileFilter } from './filter-call.js';
import { compileJsonPath } from './jsonpath.js';
import { explainMiss } from './miss.js';
import { slotPath } from './slots/index.js';
import type { CompileEnv, Evaluator, Scope } from './env.js';
import type { Miss } from './slots/kinds.js';

const hasOwn = Object.prototype.hasOwnProperty;

export function compileExpr(node: ExprNode, env: CompileEnv): Evaluator {
  switch (node.type) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'path':
      return compilePath(node, env);
    case 'jsonpath':
      return compileJsonPath(node, env);
    case 'not': {
      const operand = compileExpr(node.operand, env);
      return (s, st) => !truthy(operand(s, st));
    }
    case 'conditional': {
      const test = compileExpr(node.test, env);
      const yes = compileExpr(node.consequent, env);
      const no = compileExpr(node.alternate, env);
      return (s, st) => (truthy(test(s, st)) ? yes(s, st) : no(s, st));
    }
    case 'binary':
      return compileBinary(node.operator, compileExpr(node.left, env), compileExpr(node.right, env));
    case 'filter':
      return compileFilter(
        node,
        compileExpr(node.input, env),
        node.args.map((a) => compileExpr(a, env)),
        env,
      );
  }
}

function compileBinary(op: string, left: Evaluator, right: Evaluator): Evaluator {
  switch (op) {
    case '??':
      return (s, st) => {
        const l = left(s, st);
        return l === undefined || l === null ? right(s, st) : l;
      };
    case '||':
      return (s, st) => {
        const l = left(s, st);
        return truthy(l) ? l : right(s, st);
      };
    case '&&':
      return (s, st) => {
        const l = left(s, st);
        return truthy(l) ? right(s, st) : l;
      };
    case '==':
      return (s, st) => equals(left(s, st), right(s, st));
    case '!=':
      return (s, st) => !equals(left(s, st), right(s, st));
    default: {
      const cmp = op as '<' | '<=' | '>' | '>=';
      return (s, st) => compare(cmp, left(s, st), right(s, st));
    }
  }
}

/** Finds how many scopes up a bound name lives, or -1 when it reads the context. */
function bindingDistance(env: CompileEnv, name: string): number {
  for (let i = env.frames.length - 1; i >= 0; i--) {
    if ((env.frames[i] as string[]).includes(name)) return env.frames.length - 1 - i;
  }
  return -1;
}

/** `root.k0.k1…` when the expression is a plain path of names read from the context, else null. */
export function contextPathOf(node: ExprNode, env: CompileEnv): { root: string; keys: string[] } | null {
  if (node.type !== 'path' || bindingDistance(env, node.root) >= 0) return null;
  const keys = plainKeys(node);
  return keys ? { root: node.root, keys } : null;
}

/** The segments when all are names other than `length` (the one own named property of arrays). */
function plainKeys(node: PathNode): string[] | null {
  return node.segments.every((k) => typeof k === 'string' && k !== 'length')
    ? (node.segments as string[])
    : null;
}

function compilePath(node: PathNode, env: CompileEnv): Evaluator {
  const distance = bindingDistance(env, node.root);
  if (distance < 0) env.references.add(node.text);
  const root = node.root;
  const readRoot =
    distance < 0
      ? (s: Scope) => (hasOwn.call(s.ctx, root) ? s.ctx[root] : undefined)
      : (s: Scope) => {
          let scope = s;
          for (let i = 0; i < distance; i++) scope = scope.parent as Scope;
          return (scope.vars as Record<string, unknown>)[root];
        };
  const miss = (s: Scope, st: RenderState): undefined => {
    if (st.pending) st.pending.push(explainMiss(node, readRoot(s), st.diagnostics !== null));
    return undefined;
  };
  const plain = distance < 0 ? plainKeys(node) : null;
  if (plain) return slotPath(root, plain, miss) ?? contextPath(root, plain, miss);
  const segments = node.segments;
  const n = segments.length;
  return (s, st) => {
    let v = readRoot(s);
    for (let i = 0; i < n && v !== undefined; i++) v = step(v, segments[i] as PathSegment);
    return v === undefined ? miss(s, st) : v;
  };
}

/**
 * Own property, or undefined. Named keys never match array indexes, and `length` (the one own
 * named property of arrays) takes the generic path, so no array check is needed here.
 */
function own(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null && hasOwn.call(v, key)
    ? (v as Record<string, unknown>)[key]
    : undefined;
}

/** The common case, `a.b.c` read from the context: unrolled for short paths (the hot path of render). */
function contextPath(root: string, keys: string[], miss: Miss): Evaluator {
  const [k0, k1, k2] = keys as [string, string, string];
  switch (keys.length) {
    case 0:
      return (s, st) => {
        const v = own(s.ctx, root);
        return v === undefined ? miss(s, st) : v;
      };
    case 1:
      return (s, st) => {
        const v = own(own(s.ctx, root), k0);
        return v === undefined ? miss(s, st) : v;
      };
    case 2:
      return (s, st) => {
        const v = own(own(own(s.ctx, root), k0), k1);
        return v === undefined ? miss(s, st) : v;
      };
    case 3:
      return (s, st) => {
        const v = own(own(own(own(s.ctx, root), k0), k1), k2);
        return v === undefined ? miss(s, st) : v;
      };
    default:
      return (s, st) => {
        let v = own(s.ctx, root);
        for (let i = 0; i < keys.length && v !== undefined; i++) v = own(v, keys[i] as string);
        return v === undefined ? miss(s, st) : v;
      };
  }
}
