import { parse, type AST } from '@handlebars/parser';
import { Codes } from '../codes.js';
import { RequestError, templateLimitError } from '../errors.js';
import { filterRegistry } from '../filters/index.js';
import type { Limits } from '../types.js';
import { spanOfLoc, spanOfParseError } from './handlebars-locate.js';

/**
 * Checks of a Handlebars text body before anything renders (SPEC §6, §8): size and block depth, the
 * parser, then what hookmap refuses (partials, decorators, unknown helpers) — each error with the
 * offsets of its culprit. The interpreter is handlebars.ts.
 */
type Node = AST.Node;

/** Size and depth limits, Handlebars' parser, then the hookmap checks; errors carry offsets into `source`. */
export function parseHandlebars(source: string, limits: Limits): AST.Program {
  checkSize(source, limits);
  let program: AST.Program;
  try {
    program = parse(source);
  } catch (e) {
    const first = (e as Error).message.split('\n')[0] ?? '';
    const message = first.startsWith('Parse error')
      ? `${first} ${describeExpected((e as Error).message)}`
      : first;
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
 * SPEC §8 before parsing: Handlebars' parser takes seconds on thousands of nested blocks, so
 * size and block depth are counted first, in one linear pass.
 */
function checkSize(source: string, limits: Limits): void {
  if (source.length > limits.maxTemplateBytes) {
    throw templateLimitError(
      Codes.TEMPLATE_TOO_LARGE,
      'maxTemplateBytes',
      `Text template is larger than the limit maxTemplateBytes (${limits.maxTemplateBytes} bytes).`,
      { path: '/body/template' },
    );
  }
  let depth = 0;
  for (let i = source.indexOf('{{'); i >= 0; i = source.indexOf('{{', i + 2)) {
    let j = i + 2;
    while (source[j] === '~' || source[j] === '{' || source[j] === ' ') j++;
    if (source[j] === '#') depth++;
    else if (source[j] === '/' && depth > 0) depth--;
    if (depth > limits.maxDepth) {
      throw templateLimitError(
        Codes.TEMPLATE_TOO_DEEP,
        'maxDepth',
        `Handlebars blocks nest deeper than the limit maxDepth (${limits.maxDepth}).`,
        { path: '/body/template', start: i, end: j + 1 },
      );
    }
  }
}

const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** A literal in a mustache's or block's path position names a property, as in Handlebars 4: `{{"first name"}}`. */
export function pathOf(e: AST.Expression): AST.Expression {
  if (e.type !== 'StringLiteral' && e.type !== 'NumberLiteral' && e.type !== 'BooleanLiteral') return e;
  const name = String((e as AST.StringLiteral).original);
  return {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [name],
    head: name,
    tail: [],
    original: name,
    loc: e.loc,
  } as unknown as AST.PathExpression;
}

/** A name that can be a helper: one part, no `@`, `../`, `this.` or `./`. */
export function isHelperPath(e: AST.Expression): boolean {
  const p = e as AST.PathExpression;
  return (
    e.type === 'PathExpression' &&
    p.parts.length === 1 &&
    !p.data &&
    p.depth === 0 &&
    !/^(this|\.)([./]|$)/.test(p.original)
  );
}

/**
 * What hookmap refuses, with the culprit's offsets (SPEC §6: H405 rather than a different output):
 * partials, decorators, helpers other than the core filters, `lookup` and `log`, the built-in block
 * helpers outside a block or without exactly one argument, filters as block helpers or with named
 * arguments, and paths that Handlebars 4 does not parse (`(sub).path`).
 */
function check(node: Node, source: string): void {
  const at = { path: '/body/template', ...spanOfLoc(source, node.loc) };
  const refuse = (message: string, loc: AST.SourceLocation | undefined = node.loc): never => {
    throw new RequestError(Codes.HANDLEBARS_ERROR, message, { ...at, ...spanOfLoc(source, loc) });
  };
  if (
    node.type === 'PartialStatement' ||
    node.type === 'PartialBlockStatement' ||
    node.type === 'DecoratorBlock' ||
    node.type === 'Decorator'
  ) {
    refuse(
      `Handlebars ${node.type.replace('Statement', '').toLowerCase()}s are not supported in hookmap text bodies.`,
    );
  }
  if (
    node.type === 'PathExpression' &&
    (node as AST.PathExpression).parts.some((p) => typeof p !== 'string')
  ) {
    refuse('A path that starts with a sub-expression is not Handlebars 4 syntax.');
  }
  if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') {
    const call = node as AST.MustacheStatement;
    const path = pathOf(call.path);
    const name = path.type === 'PathExpression' ? (path as AST.PathExpression).original : '';
    const isBlock = node.type === 'BlockStatement';
    const isCall = call.params.length > 0 || call.hash !== undefined || node.type === 'SubExpression';
    const helper = isHelperPath(path);
    if (helper && (name === 'helperMissing' || name === 'blockHelperMissing')) {
      refuse(
        `${name} is Handlebars' internal helper and cannot be called (as in handlebars.js 4.6+).`,
        call.path.loc,
      );
    }
    if (helper && BLOCKS.has(name)) {
      if (!isBlock)
        refuse(`{{${name}}} is a block helper: write {{#${name} value}}…{{/${name}}}.`, call.path.loc);
      if (call.params.length !== 1) refuse(`#${name} takes exactly one argument.`, call.path.loc);
    } else if (isCall) {
      if (!helper || !isHelper(name)) {
        refuse(
          `Unknown Handlebars helper "${name}": use a hookmap filter name (upper, date, join, ...), if, unless, each, with or lookup.`,
          call.path.loc,
        );
      }
      if (isBlock)
        refuse(
          `${name} is not a block helper: write {{#with (${name} …)}}…{{/with}} to use its result as the context.`,
          call.path.loc,
        );
      if (call.hash && name !== 'lookup' && name !== 'log')
        refuse(`${name} takes no named arguments (key=value).`, call.hash.loc);
    }
    for (const p of call.params) check(p as unknown as Node, source);
    check(path as unknown as Node, source);
  }
  for (const child of children(node)) check(child, source);
}

function isHelper(name: string): boolean {
  return name === 'lookup' || name === 'log' || Object.prototype.hasOwnProperty.call(filterRegistry, name);
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
