import { codeFrame, offsetToLineColumn } from './code-frame.js';
import { CliError } from './errors.js';
import { findJsonSyntaxError } from './json-scan.js';

export interface JsonLocationOptions {
  mark?: (s: string) => string;
  /** Added to reported line numbers (NDJSON: the line the text came from, minus one). */
  lineOffset?: number;
}

/**
 * JSON.parse, but a syntax error becomes a CliError saying `file:line:column` with a code frame.
 * V8 reports "at position N" for most errors; for the rest our own scanner finds the offset.
 */
export function parseJsonWithLocation(
  text: string,
  file: string,
  options: JsonLocationOptions = {},
): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { offset, message } = jsonErrorOffset(source, error.message);
    const { line, column } = offsetToLineColumn(source, offset);
    const shownLine = line + (options.lineOffset ?? 0);
    const frame = codeFrame(source, offset, offset + 1, { mark: options.mark });
    throw new CliError(`${file}:${shownLine}:${column}: invalid JSON: ${message}`, {
      frame: options.lineOffset ? undefined : frame,
      cause: error,
    });
  }
}

/** Offset and a clean message for a V8 JSON.parse error message. */
export function jsonErrorOffset(text: string, v8Message: string): { offset: number; message: string } {
  const position = /at position (\d+)/.exec(v8Message);
  if (position?.[1] !== undefined) {
    return { offset: Number(position[1]), message: cleanV8Message(v8Message) };
  }
  if (/Unexpected end of JSON input/.test(v8Message)) {
    return { offset: text.length, message: 'Unexpected end of JSON input' };
  }
  // No position from V8: our scanner's offset, with its own message so the two agree.
  const scanned = findJsonSyntaxError(text);
  if (scanned) return scanned;
  return { offset: text.length, message: cleanV8Message(v8Message) || 'invalid JSON' };
}

function cleanV8Message(message: string): string {
  return message
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(/,\s*(?:\.\.\.)?".*is not valid JSON$/s, '')
    .trim();
}
