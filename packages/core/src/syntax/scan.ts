import { Codes } from '../codes.js';
import { TemplateError } from '../errors.js';
import type { DelimiterMode } from '../types.js';

/** A run of literal text (escapes already applied). */
export interface TextSegment {
  kind: 'text';
  value: string;
}

/** One placeholder: `start`/`end` span the delimiters, `exprStart`/`exprEnd` the expression inside. */
export interface ExprSegment {
  kind: 'expr';
  /** The placeholder exactly as written, delimiters included. */
  raw: string;
  source: string;
  start: number;
  end: number;
  exprStart: number;
  exprEnd: number;
}

export type Segment = TextSegment | ExprSegment;

const OPEN = { braces: '{{', angles: '<<' } as const;
const CLOSE = { braces: '}}', angles: '>>' } as const;

/** Quick test used to skip scanning strings that cannot hold a placeholder or an escape. */
export function mayContainPlaceholder(text: string, mode: DelimiterMode): boolean {
  if (mode !== 'angles' && text.includes('{{')) return true;
  if (mode !== 'braces' && text.includes('<<')) return true;
  return false;
}

/**
 * Splits a template string into text and placeholders. Quotes inside an expression are
 * skipped, so `{{ x | default: "}}" }}` closes at the last `}}`. `\{{` and `\<<` are literal.
 */
export function scan(text: string, mode: DelimiterMode = 'both'): Segment[] {
  const segments: Segment[] = [];
  let buf = '';
  let i = 0;
  while (i < text.length) {
    const kind = openerAt(text, i, mode);
    if (kind === 'escape') {
      buf += text.slice(i + 1, i + 3);
      i += 3;
      continue;
    }
    if (kind === null) {
      buf += text[i];
      i++;
      continue;
    }
    const close = findClose(text, i + 2, CLOSE[kind]);
    if (close < 0) {
      throw new TemplateError(
        Codes.UNCLOSED_PLACEHOLDER,
        `Unclosed placeholder: "${OPEN[kind]}" at offset ${i} has no matching "${CLOSE[kind]}". ` +
          `Close it, or write \\${OPEN[kind]} for a literal "${OPEN[kind]}".`,
        { start: i, end: text.length },
      );
    }
    const source = text.slice(i + 2, close);
    if (source.trim() === '') {
      throw new TemplateError(
        Codes.EMPTY_PLACEHOLDER,
        `Empty placeholder "${text.slice(i, close + 2)}": write an expression inside, e.g. ${OPEN[kind]} call_summary ${CLOSE[kind]}.`,
        { start: i, end: close + 2 },
      );
    }
    if (buf) segments.push({ kind: 'text', value: buf });
    buf = '';
    segments.push({
      kind: 'expr',
      raw: text.slice(i, close + 2),
      source,
      start: i,
      end: close + 2,
      exprStart: i + 2,
      exprEnd: close,
    });
    i = close + 2;
  }
  if (buf) segments.push({ kind: 'text', value: buf });
  return segments;
}

function openerAt(text: string, i: number, mode: DelimiterMode): 'braces' | 'angles' | 'escape' | null {
  const c = text.charCodeAt(i);
  if (c === 92 /* \ */) {
    const next = text.slice(i + 1, i + 3);
    if ((next === '{{' && mode !== 'angles') || (next === '<<' && mode !== 'braces')) return 'escape';
    return null;
  }
  if (c === 123 /* { */ && mode !== 'angles' && text.charCodeAt(i + 1) === 123) return 'braces';
  if (c === 60 /* < */ && mode !== 'braces' && text.charCodeAt(i + 1) === 60) return 'angles';
  return null;
}

/** Index of the closing delimiter, skipping quoted strings; -1 when there is none. */
function findClose(text: string, from: number, close: string): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) {
      // Only a quote that can start a string literal counts; an apostrophe inside a word does not.
      const prev = text.charCodeAt(i - 1);
      if (i === from || !isWordChar(prev)) {
        if (text.indexOf(String.fromCharCode(c), i + 1) >= 0) quote = c;
      }
      continue;
    }
    if (text.startsWith(close, i)) return i;
  }
  return -1;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
