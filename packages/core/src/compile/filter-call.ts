import { Codes } from '../codes.js';
import { HookmapError, RenderError, TemplateError } from '../errors.js';
import type { RenderState } from '../evaluate/state.js';
import { filterRegistry } from '../filters/index.js';
import { FilterTypeError, type FilterDef } from '../filters/types.js';
import { didYouMean } from '../suggest.js';
import type { FilterNode } from '../syntax/ast.js';
import { OMIT, type CompileEnv, type Evaluator } from './env.js';

/** Resolves the filter at compile time; checks its argument count; prepares the call. */
export function compileFilter(
  node: FilterNode,
  input: Evaluator,
  args: Evaluator[],
  env: CompileEnv,
): Evaluator {
  const def = lookupFilter(node, env);
  checkArity(node, def);
  if (def === filterRegistry.optional) return compileOptional(input);
  if (def === filterRegistry.required) return compileRequired(node, input, env);
  const fn = def.fn;
  const pointer = env.pointer;
  const name = node.name;
  /** A filter that fails, or returns what JSON cannot hold, yields null and a H302 warning. */
  const fail = (e: unknown, st: RenderState): null => {
    if (e instanceof HookmapError) throw e;
    const reason =
      e instanceof FilterTypeError
        ? e.message
        : `${name} failed: ${e instanceof Error ? e.message : String(e)}`;
    st.report({
      severity: 'warning',
      code: Codes.FILTER_TYPE,
      message: `${reason}; the value is null.`,
      path: pointer,
      start: node.nameStart,
      end: node.nameEnd,
    });
    return null;
  };
  const check = (v: unknown, st: RenderState): unknown => {
    if (
      typeof v === 'number'
        ? Number.isFinite(v)
        : typeof v !== 'function' && typeof v !== 'symbol' && typeof v !== 'bigint'
    )
      return v;
    return fail(
      new FilterTypeError(
        `${name} gave ${typeof v === 'number' ? String(v) : `a ${typeof v}`}, which is not a JSON value`,
      ),
      st,
    );
  };
  const skip = (v: unknown): boolean =>
    v === undefined ? !def.acceptsMissing : v === null ? !def.acceptsNull : v === OMIT;
  if (args.length === 0) {
    return (s, st) => {
      const v = input(s, st);
      if (skip(v)) return v;
      try {
        return check(fn(v), st);
      } catch (e) {
        return fail(e, st);
      }
    };
  }
  if (args.length === 1) {
    const a0 = args[0] as Evaluator;
    return (s, st) => {
      const v = input(s, st);
      if (skip(v)) return v;
      try {
        return check(fn(v, a0(s, st)), st);
      } catch (e) {
        return fail(e, st);
      }
    };
  }
  if (args.length === 2) {
    const a0 = args[0] as Evaluator;
    const a1 = args[1] as Evaluator;
    return (s, st) => {
      const v = input(s, st);
      if (skip(v)) return v;
      try {
        return check(fn(v, a0(s, st), a1(s, st)), st);
      } catch (e) {
        return fail(e, st);
      }
    };
  }
  return (s, st) => {
    const v = input(s, st);
    if (skip(v)) return v;
    try {
      return check(fn(v, ...args.map((a) => a(s, st))), st);
    } catch (e) {
      return fail(e, st);
    }
  };
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === OMIT) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

/** `optional`: null, unresolved, "", [] and {} drop the property or element. */
function compileOptional(input: Evaluator): Evaluator {
  return (s, st) => {
    const v = input(s, st);
    return isEmpty(v) ? OMIT : v;
  };
}

/** `required`: null or unresolved fails the render, naming the path. */
function compileRequired(node: FilterNode, input: Evaluator, env: CompileEnv): Evaluator {
  const text = env.source.slice(node.input.start, node.input.end).trim();
  const pointer = env.pointer;
  return (s, st) => {
    const v = input(s, st);
    if (v !== undefined && v !== null) return v;
    const err = new RenderError(
      Codes.REQUIRED_MISSING,
      `Required value ${text} is ${v === null ? 'null' : 'missing'} in this payload` +
        (pointer ? ` (template ${pointer})` : '') +
        '. Map another field, add a default, or drop "required".',
      { path: pointer, start: node.input.start, end: node.end },
    );
    err.reference = text;
    throw err;
  };
}

function lookupFilter(node: FilterNode, env: CompileEnv): FilterDef {
  const def = Object.prototype.hasOwnProperty.call(env.filters, node.name)
    ? env.filters[node.name]
    : undefined;
  if (def) return def;
  const suggestion = didYouMean(node.name, Object.keys(env.filters));
  const err = new TemplateError(
    Codes.UNKNOWN_FILTER,
    `Unknown filter "${node.name}".` +
      (suggestion ? ` Did you mean "${suggestion}"?` : ' See the filter list in the docs.'),
    { start: node.nameStart, end: node.nameEnd },
  );
  if (suggestion) err.suggestion = suggestion;
  throw err;
}

function checkArity(node: FilterNode, def: FilterDef): void {
  const n = node.args.length;
  if (n >= def.min && n <= def.max) return;
  const expected =
    def.min === def.max
      ? `${def.min}`
      : def.max === Infinity
        ? `at least ${def.min}`
        : `${def.min} to ${def.max}`;
  throw new TemplateError(
    Codes.FILTER_ARITY,
    `Filter "${node.name}" takes ${expected} argument(s), got ${n}. Usage: ${def.signature}.`,
    { start: node.nameStart, end: node.end },
  );
}
