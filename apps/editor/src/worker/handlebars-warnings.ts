/**
 * Handlebars text bodies: a hookmap filter used as a helper on a value it does not take (`{{upper
 * assignee}}` on an object) renders "" without a word from core today; the editor warns, with the
 * place, by calling the filter on the value the sample has there. (Core's Handlebars interpreter
 * could report it while rendering, as hookmap mode does with H302; then this check can go.)
 */
import { Codes, filterRegistry, FilterTypeError } from '@hookmap/core';
import { handlebarsFrameAt, handlebarsValue } from '../editor/scopes.js';
import type { FieldDiagnostic } from './protocol.js';

const HELPER_CALL = /\{\{~?\s*([A-Za-z_][\w]*)\s+((?:@root\.|(?:\.\.\/)*)?[A-Za-z_@][\w.]*)\s*~?\}\}/g;

export function handlebarsTypeWarnings(text: string, context: Record<string, unknown>): FieldDiagnostic[] {
  const out: FieldDiagnostic[] = [];
  for (const match of text.matchAll(HELPER_CALL)) {
    const [whole, name, path] = match as unknown as [string, string, string];
    const def = Object.hasOwn(filterRegistry, name) ? filterRegistry[name] : undefined;
    if (!def || def.min > 0) continue;
    const start = match.index;
    const value = handlebarsValue(path, handlebarsFrameAt(text, start, context), context);
    if (value === undefined || value === null) continue;
    try {
      def.fn(value);
    } catch (error) {
      if (!(error instanceof FilterTypeError)) continue;
      out.push({
        severity: 'warning',
        code: Codes.FILTER_TYPE,
        message: `${error.message} Handlebars renders "" here: give ${name} a ${'field of ' + path} instead, or use json.`,
        path: '',
        start,
        end: start + whole.length,
        field: 'body',
      });
    }
  }
  return out;
}
