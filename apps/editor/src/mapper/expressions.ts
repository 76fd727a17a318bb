/** Finding placeholders in template strings and writing payload paths as expressions. */

export interface Placeholder {
  /** Offsets of the whole placeholder, delimiters included. */
  start: number;
  end: number;
  /** The expression between the delimiters, trimmed. */
  expression: string;
  open: '{{' | '<<';
}

const CLOSE = { '{{': '}}', '<<': '>>' } as const;

/** Every closed placeholder in `text` (escaped delimiters `\{{` / `\<<` are skipped). */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  let pos = 0;
  while (pos < text.length) {
    const braces = text.indexOf('{{', pos);
    const angles = text.indexOf('<<', pos);
    const start = pickFirst(braces, angles);
    if (start < 0) break;
    if (start > 0 && text[start - 1] === '\\') {
      pos = start + 2;
      continue;
    }
    const open = text.startsWith('{{', start) ? '{{' : '<<';
    const close = findClose(text, start + 2, CLOSE[open]);
    if (close < 0) break;
    found.push({ start, end: close + 2, expression: text.slice(start + 2, close).trim(), open });
    pos = close + 2;
  }
  return found;
}

function pickFirst(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** Index of the closing delimiter, skipping over quoted string literals inside the expression. */
function findClose(text: string, from: number, close: string): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (text.startsWith(close, i)) return i;
  }
  return -1;
}

// Payload paths are written as expressions by core, in the compiler's own grammar (one grammar).
export { pathToExpression, expressionToPath } from '@hookmap/core/tooling';
export type { PathSegment } from '@hookmap/core/tooling';
