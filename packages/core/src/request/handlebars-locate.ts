import type { AST } from '@handlebars/parser';
/**
 * Offsets into a Handlebars text body for its errors, so the editor can underline them: from the AST
 * node's `loc` (1-based lines, 0-based columns), from the `lineNumber`/`column` of Handlebars'
 * exceptions, or from the "Parse error on line N" text of its generated parser (whose excerpt ends at
 * the error; when that cannot be placed, the whole line is marked).
 */
export interface TextSpan {
  start: number;
  end: number;
}

/** Offset of a 1-based line and 0-based column. */
export function offsetAt(source: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return Math.min(source.length, offset + Math.max(0, column));
}

export function spanOfLoc(source: string, loc: AST.SourceLocation | undefined): TextSpan | undefined {
  if (!loc) return undefined;
  const start = offsetAt(source, loc.start.line, loc.start.column);
  return { start, end: Math.max(start + 1, offsetAt(source, loc.end.line, loc.end.column)) };
}

/** Where a Handlebars.parse error points, or undefined when it says nothing usable. */
export function spanOfParseError(source: string, error: unknown): TextSpan | undefined {
  const e = error as {
    lineNumber?: number;
    column?: number;
    endLineNumber?: number;
    endColumn?: number;
    message?: string;
  };
  if (typeof e.lineNumber === 'number' && typeof e.column === 'number') {
    const start = offsetAt(source, e.lineNumber, e.column);
    const end =
      typeof e.endLineNumber === 'number' && typeof e.endColumn === 'number'
        ? offsetAt(source, e.endLineNumber, e.endColumn)
        : start + 1;
    return { start, end: Math.max(start + 1, end) };
  }
  const lines = String(e.message ?? '').split('\n');
  const line = Number(/line (\d+)/.exec(lines[0] ?? '')?.[1]);
  if (!Number.isInteger(line) || line < 1) return undefined;
  const lineStart = offsetAt(source, line, 0);
  const lineEnd = source.indexOf('\n', lineStart) < 0 ? source.length : source.indexOf('\n', lineStart);
  const at = caretOffset(source, lines[1], lines[2], lineStart, lineEnd);
  if (at !== undefined) {
    const start = Math.max(0, Math.min(at, source.length - 1));
    return { start, end: start + 1 };
  }
  return { start: lineStart, end: Math.max(lineStart + 1, lineEnd) };
}

/**
 * The parser's excerpt is the input just before the error (newlines dropped, "..." when cut to 20
 * characters) then what follows; the caret line's length marks the boundary. The error is where the
 * source, read up to that point on the reported line, ends with that text.
 */
function caretOffset(
  source: string,
  excerpt: string | undefined,
  caret: string | undefined,
  lineStart: number,
  lineEnd: number,
): number | undefined {
  if (excerpt === undefined || caret === undefined || !/^-*\^$/.test(caret)) return undefined;
  const before = excerpt.slice(0, caret.length - 1);
  const tail = before.startsWith('...') ? before.slice(3) : before;
  for (let p = lineStart; p <= lineEnd; p++) {
    const read = source.slice(Math.max(0, p - tail.length - 40), p).replace(/\n/g, '');
    if (read.endsWith(tail) && (before.startsWith('...') || source.slice(0, p).replace(/\n/g, '') === tail))
      return p;
  }
  return undefined;
}
