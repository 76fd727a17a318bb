/** Line/column helpers and code frames with a caret, computed only when an error is shown. */

export interface LineColumn {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export function offsetToLineColumn(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

export interface FrameOptions {
  /** Lines of context shown above the marked line. */
  contextLines?: number;
  /** Marker colouring (identity when colours are off). */
  mark?: (s: string) => string;
}

const MAX_LINE_WIDTH = 160;

/**
 * A frame around [start, end) of `text`: the line with its number and a caret line under the range.
 * Long lines are cut around the range so the caret stays visible.
 */
export function codeFrame(text: string, start: number, end: number, options: FrameOptions = {}): string {
  const mark = options.mark ?? ((s: string) => s);
  const context = options.contextLines ?? 1;
  const lines = text.split('\n');
  const { line, column } = offsetToLineColumn(text, start);
  const lineText = (lines[line - 1] ?? '').replace(/\r$/, '');
  const width = Math.max(1, Math.min(end, start + lineText.length - column + 1) - start);
  const gutterWidth = String(line).length;
  const out: string[] = [];
  for (let n = Math.max(1, line - context); n < line; n++) {
    out.push(`  ${String(n).padStart(gutterWidth)} | ${clip(lines[n - 1] ?? '', 0).text.replace(/\r$/, '')}`);
  }
  const clipped = clip(lineText, column - 1);
  out.push(`${mark('>')} ${String(line).padStart(gutterWidth)} | ${clipped.text}`);
  const caretPad = ' '.repeat(clipped.column);
  out.push(`  ${' '.repeat(gutterWidth)} | ${caretPad}${mark('^'.repeat(Math.min(width, MAX_LINE_WIDTH)))}`);
  return out.join('\n');
}

/** A frame for a single string value (a template), caret under [start, end). */
export function stringFrame(value: string, start: number, end: number, options: FrameOptions = {}): string {
  return codeFrame(value, start, Math.max(end, start + 1), { ...options, contextLines: 0 });
}

/** Cut a long line so that `column` (0-based) stays in view; returns the new column of that position. */
function clip(line: string, column: number): { text: string; column: number } {
  if (line.length <= MAX_LINE_WIDTH) return { text: line, column };
  const from = Math.max(0, column - Math.floor(MAX_LINE_WIDTH / 2));
  const to = Math.min(line.length, from + MAX_LINE_WIDTH);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < line.length ? '…' : '';
  return { text: prefix + line.slice(from, to) + suffix, column: column - from + prefix.length };
}
