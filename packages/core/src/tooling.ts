// @hookmap/core/tooling: what editors, CLIs and linters need around the language — JSON scanning
// with positions, JSON Pointers, line/column, the placeholder scanner, the expression parser and
// the payload-path grammar. The language itself (compile, render, requests) is the root entry.
export { scanJson, diagnosticTextRange, nearestLocation, decodedToTextOffset } from './json/locate.js';
export type { JsonLocation, JsonScan, JsonSyntaxError, TextRange } from './json/locate.js';
export {
  escapePointerSegment,
  unescapePointerSegment,
  pointerSegments,
  joinPointer,
  toPointer,
  lastPointerSegment,
} from './json/pointer.js';
export { lineColumn } from './lines.js';
export { scan } from './syntax/scan.js';
export type { Segment, ExprSegment, TextSegment } from './syntax/scan.js';
export { parseExpression } from './syntax/parser.js';
export type { ExprNode, PathNode, PathSegment } from './syntax/ast.js';
export { pathToExpression, expressionToPath } from './syntax/path-expression.js';
