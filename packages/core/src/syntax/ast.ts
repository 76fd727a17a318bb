/** Expression AST. Every node carries `start`/`end` offsets in its template string. */
import type { Query } from '../jsonpath/ast.js';

interface Span {
  start: number;
  end: number;
}

export type PathSegment = string | number;

export interface LiteralNode extends Span {
  type: 'literal';
  value: string | number | boolean | null;
}

/** `a.b[0]["x y"]`: `root` is the first name, `segments` what follows. */
export interface PathNode extends Span {
  type: 'path';
  root: string;
  segments: PathSegment[];
  /** The path as written, normalised: `a.b[0]`. */
  text: string;
}

export interface JsonPathNode extends Span {
  type: 'jsonpath';
  query: string;
  /** The parsed query (jsonpath/ast.ts), when the lexer read it. */
  parsed?: Query;
}

export interface UnaryNode extends Span {
  type: 'not';
  operand: ExprNode;
}

export type BinaryOperator = '??' | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface BinaryNode extends Span {
  type: 'binary';
  operator: BinaryOperator;
  left: ExprNode;
  right: ExprNode;
}

export interface ConditionalNode extends Span {
  type: 'conditional';
  test: ExprNode;
  consequent: ExprNode;
  alternate: ExprNode;
}

export interface FilterNode extends Span {
  type: 'filter';
  input: ExprNode;
  name: string;
  nameStart: number;
  nameEnd: number;
  args: ExprNode[];
}

export type ExprNode =
  LiteralNode | PathNode | JsonPathNode | UnaryNode | BinaryNode | ConditionalNode | FilterNode;

/** The sub-expressions of a node, in source order (none for literals, paths and JSONPath queries). */
export function exprChildren(node: ExprNode): ExprNode[] {
  switch (node.type) {
    case 'not':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.consequent, node.alternate];
    case 'filter':
      return [node.input, ...node.args];
    default:
      return [];
  }
}
