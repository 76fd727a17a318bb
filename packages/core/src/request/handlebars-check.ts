import Handlebars from 'handlebars';
import { Codes } from '../codes.js';
import { HookmapError, RequestError, templateLimitError } from '../errors.js';
import { filterRegistry } from '../filters/index.js';
import type { Diagnostic, Limits } from '../types.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { spanOfLoc, spanOfParseError } from './handlebars-locate.js';

/**
 * Checks of a Handlebars text body before anything renders (SPEC §6, §8): size and block depth, the
 * parser, then what hookmap refuses (partials, decorators, unknown helpers) — each error with the
 * offsets of its culprit. The interpreter is handlebars.ts.
 */
type Node = hbs.AST.Node;

/** Size and depth limits, Handlebars' parser, then the hookmap checks; errors carry offsets into `source`. */
export function parseHandlebars(source: string, limits: Limits): hbs.AST.Program {
  checkSize(source, limits);
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (e) {
    const first = (e as Error).message.split('\n')[0] ?? '';
    const message = first.startsWith('Parse error') ? `${first} ${describeExpected((e as Error).message)}` : first;
    throw new RequestError(Codes.HANDLEBARS_ERROR, `Handlebars template does not parse: ${message.trim()}`, {
      path: '/body/template',
      ...spanOfParseError(source, e),
    });
  }
  check(program, source);
  return program;
}

/** "Expecting 'CLOSE', got 'EOF'" from a generated-parser message, shortened for one line. */
function describeExpected(message: string): string {
  const got = /got '([^']+)'/.exec(message)?.[1];
  if (got === 'EOF') return '(the template ends inside a {{ }} or a block)';
  if (got === 'INVALID') return '(a character that does not belong inside {{ }})';
  return got ? `(unexpected ${got})` : '';
}

/**
 * Every problem of a Handlebars text body as diagnostics with offsets (never throws): what
 * renderRequest would refuse before rendering. Used by the editor to underline text templates.
 */
export function validateHandlebars(source: string, limits: Limits = DEFAULT_LIMITS): Diagnostic[] {
  try {
    parseHandlebars(source, limits);
    return [];
  } catch (e) {
    if (!(e instanceof HookmapError)) throw e;
    const d = e.toDiagnostic();
    return [{ ...d, path: '' }];
  }
}

/**
 * SPEC §8 before parsing: Handlebars' parser takes seconds on thousands of nested blocks, so
 * size and block depth are counted first, in one linear pass.
 */
function checkSize(source: string, limits: Limits): void {
  if (source.length > limits.maxTemplateBytes) {
    throw templateLimitError(Codes.TEMPLATE_TOO_LARGE, 'maxTemplateBytes', `Text template is larger than the limit maxTemplateBytes (${limits.maxTemplateBytes} bytes).`, { path: '/body/template' });
  }
  let depth = 0;
  for (let i = source.indexOf('{{'); i >= 0; i = source.indexOf('{{', i + 2)) {
    let j = i + 2;
    while (source[j] === '~' || source[j] === '{' || source[j] === ' ') j++;
    if (source[j] === '#') depth++;
    else if (source[j] === '/' && depth > 0) depth--;
    if (depth > limits.maxDepth) {
      throw templateLimitError(Codes.TEMPLATE_TOO_DEEP, 'maxDepth', `Handlebars blocks nest deeper than the limit maxDepth (${limits.maxDepth}).`, { path: '/body/template', start: i, end: j + 1 });
    }
  }
}

const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** Refuses partials and decorators, and names unknown helpers, before any payload is rendered. */
function check(node: Node, source: string): void {
  const at = { path: '/body/template', ...spanOfLoc(source, node.loc) };
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement' || node.type === 'DecoratorBlock' || node.type === 'Decorator') {
    throw new RequestError(Codes.HANDLEBARS_ERROR, `Handlebars ${node.type.replace('Statement', '').toLowerCase()}s are not supported in hookmap text bodies.`, at);
  }
  if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') {
    const call = node as hbs.AST.MustacheStatement;
    const name = call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : '';
    const isCall = call.params.length > 0 || call.hash !== undefined || node.type === 'SubExpression';
    if (isCall && !isHelper(name) && !(node.type === 'BlockStatement' && BLOCKS.has(name))) {
      const span = spanOfLoc(source, call.path.loc);
      throw new RequestError(Codes.HANDLEBARS_ERROR, `Unknown Handlebars helper "${name}": use a hookmap filter name (upper, date, join, ...), if, unless, each, with or lookup.`, { ...at, ...span });
    }
    for (const p of call.params) check(p as unknown as Node, source);
  }
  for (const child of children(node)) check(child, source);
}

function isHelper(name: string): boolean {
  return name === 'lookup' || Object.prototype.hasOwnProperty.call(filterRegistry, name);
}

function children(node: Node): Node[] {
  const n = node as unknown as Record<string, unknown>;
  const out: Node[] = [];
  for (const key of ['body', 'program', 'inverse']) {
    const v = n[key];
    if (Array.isArray(v)) out.push(...(v as Node[]));
    else if (v && typeof v === 'object') out.push(v as Node);
  }
  return out;
}
