import { Codes } from '../codes.js';
import { TemplateError, templateLimitError } from '../errors.js';
import type { BinaryOperator, ExprNode, FilterNode, PathNode, PathSegment } from './ast.js';
import { tokenize, type Token } from './lexer.js';

/**
 * Precedence, lowest first: the filter chain `expr | name: args`, `?:`, `??`, `||`, `&&`,
 * `== !=`, `< <= > >=`, `!`, then primaries. As SPEC §4 writes it (`expr | name`) and as in
 * Liquid, a filter applies to the whole expression before it: `a ?? b | upper` is
 * `(a ?? b) | upper`. Filter arguments are single values (a literal, a path, `!x`, or a
 * parenthesised expression), so `a | default: "x" | upper` chains.
 */
const LEVELS: BinaryOperator[][] = [['??'], ['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']];

export function parseExpression(src: string, base = 0, maxDepth = 64): ExprNode {
  return new Parser(tokenize(src, base), maxDepth).parseAll();
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly maxDepth: number,
  ) {}

  parseAll(): ExprNode {
    const node = this.pipeline();
    const t = this.peek();
    if (t.type !== 'eof') this.fail(t, 'Expected the end of the expression, or an operator or "|" before it');
    return node;
  }

  private conditional(): ExprNode {
    this.enter();
    const test = this.binary(0);
    let node = test;
    if (this.isPunct('?')) {
      this.pos++;
      const consequent = this.conditional();
      this.expectPunct(':', 'the ":" of a conditional (cond ? a : b)');
      const alternate = this.conditional();
      node = { type: 'conditional', test, consequent, alternate, start: test.start, end: alternate.end };
    }
    this.depth--;
    return node;
  }

  private binary(level: number): ExprNode {
    const ops = LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (let chain = 1; ; chain++) {
      const t = this.peek();
      if (t.type !== 'punct' || !ops.includes(t.value as BinaryOperator)) return left;
      this.chainLimit(chain, t);
      this.pos++;
      const right = this.binary(level + 1);
      left = {
        type: 'binary',
        operator: t.value as BinaryOperator,
        left,
        right,
        start: left.start,
        end: right.end,
      };
    }
  }

  private unary(): ExprNode {
    const t = this.peek();
    if (t.type === 'punct' && t.value === '!') {
      this.pos++;
      this.enter();
      const operand = this.unary();
      this.depth--;
      return { type: 'not', operand, start: t.start, end: operand.end };
    }
    return this.primary();
  }

  private pipeline(): ExprNode {
    let node = this.conditional();
    for (let chain = 1; this.isPunct('|'); chain++) {
      this.chainLimit(chain, this.peek());
      this.pos++;
      node = this.filter(node);
    }
    return node;
  }

  /** A filter argument: one value, never a pipe or a binary operator unless parenthesised. */
  private argument(): ExprNode {
    const t = this.peek();
    if (t.type === 'punct' && t.value === '!') {
      this.pos++;
      this.enter();
      const operand = this.argument();
      this.depth--;
      return { type: 'not', operand, start: t.start, end: operand.end };
    }
    return this.primary();
  }

  private filter(input: ExprNode): FilterNode {
    const name = this.next();
    if (name.type !== 'ident') this.fail(name, 'Expected a filter name after "|"');
    const args: ExprNode[] = [];
    let end = name.end;
    if (this.isPunct(':')) {
      this.pos++;
      do {
        const arg = this.argument();
        args.push(arg);
        end = arg.end;
      } while (this.isPunct(',') && ++this.pos);
    }
    return {
      type: 'filter',
      input,
      name: name.value,
      nameStart: name.start,
      nameEnd: name.end,
      args,
      start: input.start,
      end,
    };
  }

  private primary(): ExprNode {
    const t = this.next();
    switch (t.type) {
      case 'number':
      case 'string':
        return { type: 'literal', value: t.literal as string | number, start: t.start, end: t.end };
      case 'jsonpath':
        return {
          type: 'jsonpath',
          query: t.value,
          ...(t.query ? { parsed: t.query } : {}),
          start: t.start,
          end: t.end,
        };
      case 'ident':
        if (t.value === 'true' || t.value === 'false')
          return { type: 'literal', value: t.value === 'true', start: t.start, end: t.end };
        if (t.value === 'null') return { type: 'literal', value: null, start: t.start, end: t.end };
        return this.path(t);
      case 'punct':
        if (t.value === '(') {
          this.enter();
          const inner = this.pipeline();
          this.depth--;
          this.expectPunct(')', 'a closing ")"');
          return inner;
        }
        break;
    }
    return this.fail(t, t.type === 'eof' ? 'The expression ends too early' : `Unexpected "${t.value}"`);
  }

  private path(first: Token): PathNode {
    const segments: PathSegment[] = [];
    let text = first.value;
    let end = first.end;
    for (;;) {
      if (this.isPunct('.')) {
        this.pos++;
        const key = this.next();
        if (key.type === 'ident') segments.push(key.value);
        else if (key.type === 'number' && /^\d+$/.test(key.value)) segments.push(Number(key.value));
        else this.fail(key, 'Expected a property name after "."');
        text += '.' + key.value;
        end = key.end;
      } else if (this.isPunct('[')) {
        this.pos++;
        const key = this.next();
        if (key.type === 'number' && Number.isInteger(key.literal)) {
          segments.push(key.literal as number);
          text += `[${key.value}]`;
        } else if (key.type === 'string') {
          segments.push(key.literal as string);
          text += `[${key.value}]`;
        } else {
          this.fail(key, 'Expected an index or a quoted key inside [ ], e.g. a[0] or a["key"]');
        }
        end = this.expectPunct(']', 'a closing "]"').end;
      } else {
        return { type: 'path', root: first.value, segments, text, start: first.start, end };
      }
    }
  }

  /** A chain `a ?? b ?? c …` or `x | f | g …` nests one level per link in the AST. */
  private chainLimit(chain: number, t: Token): void {
    if (chain > this.maxDepth) {
      throw templateLimitError(
        Codes.TEMPLATE_TOO_DEEP,
        'maxDepth',
        `Expression chains more than the limit maxDepth (${this.maxDepth}) operators or filters. Split it with $let.`,
        { start: t.start, end: t.end },
      );
    }
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) {
      const t = this.peek();
      throw templateLimitError(
        Codes.TEMPLATE_TOO_DEEP,
        'maxDepth',
        `Expression nests deeper than the limit maxDepth (${this.maxDepth}). Simplify it.`,
        { start: t.start, end: t.end },
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const t = this.tokens[this.pos] as Token;
    if (t.type !== 'eof') this.pos++;
    return t;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.value === value;
  }

  private expectPunct(value: string, what: string): Token {
    const t = this.next();
    if (t.type !== 'punct' || t.value !== value) this.fail(t, `Expected ${what}`);
    return t;
  }

  private fail(t: Token, message: string): never {
    const found = t.type === 'eof' ? '' : ` (found "${t.value}")`;
    throw new TemplateError(Codes.UNEXPECTED_TOKEN, `${message}${found}.`, {
      start: t.start,
      end: Math.max(t.end, t.start + 1),
    });
  }
}
