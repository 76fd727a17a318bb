import Handlebars from 'handlebars';
import { Codes } from '../codes.js';
import { RequestError } from '../errors.js';
import { setOwn, step } from '../evaluate/paths.js';
import { limitError } from '../evaluate/state.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Limits } from '../types.js';
import { parseHandlebars } from './handlebars-check.js';
import { toText } from '../evaluate/text.js';
import { filterRegistry } from '../filters/index.js';
import { FilterTypeError } from '../filters/types.js';

/**
 * Handlebars text bodies, interpreted from Handlebars' own parser output. Handlebars'
 * compiler would generate JavaScript with `new Function`; walking the AST keeps the rule
 * that user content is never turned into code. Supported: mustaches (escaped only for HTML
 * or XML), `{{{raw}}}`, `#if`, `#unless`, `#each` (with `@index @first @last @key`), `#with`,
 * `else`, `../`, `this`, block params, `lookup`, comments, and every core filter as a
 * helper: `{{truncate common.summary 100}}`.
 */
type Expr = hbs.AST.Expression;

/** Output and iteration budgets of one render (SPEC §8 limits apply to text bodies too). */
interface Budget {
  output: number;
  iterations: number;
  limits: Limits;
}

interface Frame {
  value: unknown;
  data: Record<string, unknown>;
  locals: Record<string, unknown> | null;
  parent: Frame | null;
}

export { validateHandlebars } from './handlebars-check.js';

export type HandlebarsRender = (context: unknown) => string;

export function compileHandlebars(source: string, escapeHtml: boolean, limits: Limits = DEFAULT_LIMITS): HandlebarsRender {
  const program = parseHandlebars(source, limits);
  return (context) => {
    const out: string[] = [];
    const budget: Budget = { output: 0, iterations: 0, limits };
    run(program, { value: context, data: { root: context }, locals: null, parent: null }, out, escapeHtml, budget);
    return out.join('');
  };
}

function run(program: hbs.AST.Program, frame: Frame, out: string[], escape: boolean, budget: Budget): void {
  for (const stmt of program.body) {
    switch (stmt.type) {
      case 'ContentStatement':
        emit((stmt as hbs.AST.ContentStatement).value, out, budget);
        break;
      case 'MustacheStatement': {
        const m = stmt as hbs.AST.MustacheStatement;
        const text = toText(call(m.path, m.params, m.hash, frame));
        emit(escape && m.escaped ? Handlebars.escapeExpression(text) : text, out, budget);
        break;
      }
      case 'BlockStatement':
        block(stmt as hbs.AST.BlockStatement, frame, out, escape, budget);
        break;
    }
  }
}

function emit(text: string, out: string[], budget: Budget): void {
  budget.output += text.length;
  if (budget.output > budget.limits.maxOutputBytes) {
    throw limitError(Codes.OUTPUT_LIMIT, 'maxOutputBytes', `Text body is larger than the limit maxOutputBytes (${budget.limits.maxOutputBytes} bytes).`);
  }
  out.push(text);
}

function falsy(v: unknown): boolean {
  return v === undefined || v === null || v === false || v === '' || v === 0 || (Array.isArray(v) && v.length === 0);
}

function child(frame: Frame, value: unknown, data: Record<string, unknown>, params: string[] | undefined, args: unknown[]): Frame {
  const locals: Record<string, unknown> | null = params?.length ? Object.create(null) : null;
  params?.forEach((p, i) => ((locals as Record<string, unknown>)[p] = args[i]));
  return { value, data: merge(frame.data, data), locals, parent: frame };
}

/** `{ ...a, ...b }` by plain stores: V8's double spread takes a slow path costing microseconds per block. */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of [a, b]) {
    const keys = Object.keys(source);
    for (let i = 0; i < keys.length; i++) setOwn(out, keys[i] as string, source[keys[i] as string]);
  }
  return out;
}

function block(b: hbs.AST.BlockStatement, frame: Frame, out: string[], escape: boolean, budget: Budget): void {
  const name = (b.path as hbs.AST.PathExpression).original;
  const arg = b.params[0] ? evaluate(b.params[0], frame) : undefined;
  const inverse = (): void => void (b.inverse && run(b.inverse, frame, out, escape, budget));
  switch (name) {
    case 'if':
      return falsy(arg) ? inverse() : run(b.program, frame, out, escape, budget);
    case 'unless':
      return falsy(arg) ? run(b.program, frame, out, escape, budget) : inverse();
    case 'with':
      return falsy(arg) ? inverse() : run(b.program, child(frame, arg, {}, b.program.blockParams, [arg]), out, escape, budget);
    case 'each': {
      const entries: [string | number, unknown][] = Array.isArray(arg)
        ? arg.map((v, i) => [i, v])
        : arg && typeof arg === 'object' ? Object.keys(arg).map((k) => [k, (arg as Record<string, unknown>)[k]]) : [];
      if (entries.length === 0) return inverse();
      entries.forEach(([key, value], i) => {
        if (++budget.iterations > budget.limits.maxIterations) {
          throw limitError(Codes.ITERATION_LIMIT, 'maxIterations', `More than the limit maxIterations (${budget.limits.maxIterations}) #each iterations in one render.`);
        }
        const data = { index: i, key, first: i === 0, last: i === entries.length - 1 };
        run(b.program, child(frame, value, data, b.program.blockParams, [value, key]), out, escape, budget);
      });
      return;
    }
    default: {
      const value = call(b.path, b.params, b.hash, frame);
      return falsy(value) ? inverse() : run(b.program, child(frame, value, {}, b.program.blockParams, [value]), out, escape, budget);
    }
  }
}

/** A mustache: a helper call when it has parameters or names a helper, else a lookup. */
function call(path: Expr, params: Expr[], hash: hbs.AST.Hash | undefined, frame: Frame): unknown {
  if (path.type !== 'PathExpression') return evaluate(path, frame);
  const p = path as hbs.AST.PathExpression;
  const name = p.original;
  if (params.length === 0 && !hash) return evaluate(p, frame);
  const args = params.map((e) => evaluate(e, frame));
  if (name === 'lookup') return step(args[0], args[1] as string);
  const def = Object.prototype.hasOwnProperty.call(filterRegistry, name) ? filterRegistry[name] : undefined;
  if (!def) throw new RequestError(Codes.HANDLEBARS_ERROR, `Unknown Handlebars helper "${name}": use a hookmap filter name (upper, date, join, ...).`, { path: '/body/template' });
  const [input, ...rest] = args;
  if ((input === undefined && !def.acceptsMissing) || (input === null && !def.acceptsNull)) return input ?? null;
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
      return (e as hbs.AST.StringLiteral).value;
    case 'NullLiteral':
      return null;
    case 'UndefinedLiteral':
      return undefined;
    case 'SubExpression': {
      const s = e as hbs.AST.SubExpression;
      return call(s.path, s.params, s.hash, frame);
    }
    case 'PathExpression':
      return lookupPath(e as hbs.AST.PathExpression, frame);
  }
  return undefined;
}

function lookupPath(p: hbs.AST.PathExpression, frame: Frame): unknown {
  let f: Frame = frame;
  for (let i = 0; i < p.depth && f.parent; i++) f = f.parent;
  const parts = p.parts;
  if (p.data) return parts.slice(1).reduce<unknown>((v, k) => step(v, k), step(f.data, parts[0] as string));
  if (parts.length === 0) return f.value;
  const head = parts[0] as string;
  for (let g: Frame | null = f; g && p.depth === 0; g = g.parent) {
    if (g.locals && head in g.locals) return parts.slice(1).reduce<unknown>((v, k) => step(v, k), g.locals[head]);
  }
  return parts.reduce<unknown>((v, k) => step(v, k), f.value);
}
