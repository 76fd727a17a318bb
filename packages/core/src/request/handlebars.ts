import type { AST } from '@handlebars/parser';
import { Codes } from '../codes.js';
import { limitError } from '../evaluate/state.js';
import { filterRegistry } from '../filters/index.js';
import { FilterTypeError } from '../filters/types.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Limits } from '../types.js';
import { isHelperPath, parseHandlebars, pathOf } from './handlebars-check.js';
import { escapeHtml, isEmpty, lookupProperty, toHbsText } from './handlebars-values.js';

/**
 * Handlebars text bodies (SPEC §6), interpreted from Handlebars' own parser output: the output of
 * handlebars.js 4.x for every template that handlebars-check.ts accepts, without generating code
 * (Handlebars' compiler would use `new Function`). Mustaches (escaped only for HTML or XML), `{{{raw}}}`,
 * blocks on values (`{{#items}}` loops over an array, keeps the context on `true`), `#if #unless #each
 * #with` (with `includeZero`), `else` chains, `../`, `@index @key @first @last @root`, block params,
 * `lookup`, literal-name lookups (`{{"first name"}}`), and every core filter as a helper:
 * `{{truncate common.summary 100}}`.
 */
type Expr = AST.Expression;

/** Output and iteration budgets of one render (SPEC §8 limits apply to text bodies too). */
interface Budget {
  output: number;
  iterations: number;
  limits: Limits;
  escape: boolean;
  out: string[];
}

/** Handlebars' data frame: `@index`, `@key`, `@first`, `@last`, `@root`, `@../index`. */
interface Data {
  values: Record<string, unknown>;
  parent: Data | null;
}

interface Frame {
  /** depths[0] is the context; `../` walks up the contexts that differ from their parent's. */
  depths: unknown[];
  data: Data;
  /** Block params in scope, innermost first. */
  locals: Record<string, unknown>[];
}

export type HandlebarsRender = (context: unknown) => string;

export function compileHandlebars(
  source: string,
  escape: boolean,
  limits: Limits = DEFAULT_LIMITS,
): HandlebarsRender {
  const program = parseHandlebars(source, limits);
  return (context) => {
    const budget: Budget = { output: 0, iterations: 0, limits, escape, out: [] };
    const root = context;
    run(program, { depths: [root], data: { values: { root }, parent: null }, locals: [] }, budget);
    return budget.out.join('');
  };
}

function run(program: AST.Program | undefined, frame: Frame, budget: Budget): void {
  if (!program) return;
  for (const stmt of program.body) {
    switch (stmt.type) {
      case 'ContentStatement':
        emit((stmt as AST.ContentStatement).value, budget);
        break;
      case 'MustacheStatement': {
        const m = stmt as AST.MustacheStatement;
        const text = toHbsText(mustache(m, frame));
        emit(budget.escape && m.escaped ? escapeHtml(text) : text, budget);
        break;
      }
      case 'BlockStatement':
        block(stmt as AST.BlockStatement, frame, budget);
        break;
    }
  }
}

function emit(text: string, budget: Budget): void {
  budget.output += text.length;
  if (budget.output > budget.limits.maxOutputBytes) {
    throw limitError(
      Codes.OUTPUT_LIMIT,
      'maxOutputBytes',
      `Text body is larger than the limit maxOutputBytes (${budget.limits.maxOutputBytes} bytes).`,
    );
  }
  budget.out.push(text);
}

function count(budget: Budget): void {
  if (++budget.iterations > budget.limits.maxIterations) {
    throw limitError(
      Codes.ITERATION_LIMIT,
      'maxIterations',
      `More than the limit maxIterations (${budget.limits.maxIterations}) #each iterations in one render.`,
    );
  }
}

/** Runs a block's program with a context: a new depth only when the context changes (as Handlebars does). */
function withContext(
  program: AST.Program | undefined,
  frame: Frame,
  context: unknown,
  budget: Budget,
  data = frame.data,
  params: unknown[] = [],
): void {
  if (!program) return;
  // Handlebars' own test, loose on purpose: `context != depths[0]`.
  const depths = context != frame.depths[0] ? [context, ...frame.depths] : frame.depths;
  const names = program.blockParams;
  let locals = frame.locals;
  if (names?.length) {
    const bound: Record<string, unknown> = Object.create(null);
    names.forEach((name, i) => (bound[name] = params[i]));
    locals = [bound, ...locals];
  }
  run(program, { depths, data, locals }, budget);
}

function block(b: AST.BlockStatement, frame: Frame, budget: Budget): void {
  const path = pathOf(b.path);
  const name = path.type === 'PathExpression' ? (path as AST.PathExpression).original : '';
  const self = frame.depths[0];
  const inverse = (): void => withContext(b.inverse, frame, self, budget);
  const program = (context: unknown, params: unknown[] = [context]): void =>
    withContext(b.program, frame, context, budget, frame.data, params);
  if (BUILT_IN_BLOCKS.has(name) && isHelperPath(path)) {
    const arg = evaluate(b.params[0] as Expr, frame);
    const includeZero = b.hash?.pairs.some(
      (p) => p.key === 'includeZero' && evaluate(p.value, frame) === true,
    );
    const empty = includeZero ? isEmpty(arg) : !arg || isEmpty(arg);
    switch (name) {
      case 'if':
        return empty ? inverse() : program(self, []);
      case 'unless':
        return empty ? program(self, []) : inverse();
      case 'with':
        return isEmpty(arg) ? inverse() : program(arg);
      default:
        return each(b, arg, frame, budget);
    }
  }
  const value = b.params.length || b.hash ? call(path, b.params, frame) : evaluate(path, frame);
  // blockHelperMissing: true keeps the context, an array loops, other values become the context.
  if (value === true) return program(self, []);
  if (value === false || value === null || value === undefined) return inverse();
  if (Array.isArray(value)) return value.length ? each(b, value, frame, budget) : inverse();
  program(value);
}

const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'with', 'each']);

function each(b: AST.BlockStatement, list: unknown, frame: Frame, budget: Budget): void {
  const keys: (string | number)[] = Array.isArray(list)
    ? list.map((_, i) => i)
    : list && typeof list === 'object'
      ? Object.keys(list)
      : [];
  if (keys.length === 0) return withContext(b.inverse, frame, frame.depths[0], budget);
  keys.forEach((key, i) => {
    count(budget);
    const value = (list as Record<string | number, unknown>)[key];
    const data: Data = {
      values: { root: frame.data.values.root, index: i, key, first: i === 0, last: i === keys.length - 1 },
      parent: frame.data,
    };
    withContext(b.program, frame, value, budget, data, [value, key]);
  });
}

/** `{{x}}` is a lookup; `{{helper args}}` calls a core filter (or `lookup`). */
function mustache(m: AST.MustacheStatement, frame: Frame): unknown {
  const path = pathOf(m.path);
  if (m.params.length || m.hash) return call(path, m.params, frame);
  return evaluate(path, frame);
}

function call(path: Expr, params: Expr[], frame: Frame): unknown {
  const name = (path as AST.PathExpression).original;
  const args = params.map((e) => evaluate(e, frame));
  if (name === 'lookup') return args[0] ? lookupProperty(args[0], String(args[1])) : args[0];
  if (name === 'log') return '';
  const def = Object.prototype.hasOwnProperty.call(filterRegistry, name) ? filterRegistry[name] : undefined;
  if (!def) return undefined; // refused at compile time (handlebars-check.ts)
  const [input, ...rest] = args;
  if ((input === undefined && !def.acceptsMissing) || (input === null && !def.acceptsNull)) return input;
  try {
    return def.fn(input, ...rest);
  } catch (e) {
    if (e instanceof FilterTypeError) return null;
    throw e;
  }
}

function evaluate(e: Expr, frame: Frame): unknown {
  switch (e.type) {
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return (e as AST.StringLiteral).value;
    case 'NullLiteral':
      return null;
    case 'UndefinedLiteral':
      return undefined;
    case 'SubExpression': {
      const s = e as AST.SubExpression;
      return call(pathOf(s.path), s.params, frame);
    }
    case 'PathExpression':
      return lookupPath(e as AST.PathExpression, frame);
  }
  return undefined;
}

function lookupPath(p: AST.PathExpression, frame: Frame): unknown {
  const parts = p.parts as string[];
  if (p.data) {
    let data: Data | null = frame.data;
    for (let i = 0; i < p.depth && data; i++) data = data.parent;
    return rest(lookupProperty(data?.values, parts[0] as string), parts, 1);
  }
  if (p.depth === 0 && parts.length && !/^(this|\.)[./]|^this$/.test(p.original)) {
    const head = parts[0] as string;
    for (const locals of frame.locals) if (head in locals) return rest(locals[head], parts, 1);
  }
  return rest(frame.depths[p.depth], parts, 0);
}

function rest(value: unknown, parts: string[], from: number): unknown {
  let v = value;
  for (let i = from; i < parts.length && v !== undefined && v !== null; i++)
    v = lookupProperty(v, parts[i] as string);
  return v;
}
