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

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["data_capture", "customer_name"]` → `data_capture.customer_name`; odd keys use brackets. */
export function pathToExpression(segments: PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The path of a plain expression (`a.b[0]["c d"]`), or null when the expression is more than a path. */
export function expressionToPath(expression: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let rest = expression.trim();
  const head = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
  if (!head) return null;
  segments.push(head[0]);
  rest = rest.slice(head[0].length);
  while (rest.length > 0) {
    const dot = /^\.([A-Za-z_$][A-Za-z0-9_$]*)/.exec(rest);
    const index = /^\[(-?\d+)\]/.exec(rest);
    const quoted = /^\[("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\]/.exec(rest);
    if (dot) segments.push(dot[1] as string);
    else if (index) segments.push(Number(index[1]));
    else if (quoted) segments.push(unquote(quoted[1] as string));
    else return null;
    rest = rest.slice((dot ?? index ?? quoted)?.[0].length ?? rest.length);
  }
  return segments;
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(.)/g, '$1');
}
