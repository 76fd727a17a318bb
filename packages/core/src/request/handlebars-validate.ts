// The public entry of Handlebars checks: its declaration names no type of Handlebars' parser, so a
// consumer's TypeScript never reads @handlebars/parser's own declarations (which break under nodenext).
import { HookmapError } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Diagnostic, Limits } from '../types.js';
import { parseHandlebars } from './handlebars-check.js';

/**
 * Every problem of a Handlebars text body as diagnostics with offsets (never throws): what
 * renderRequest would refuse before rendering. Used by the editor to underline text templates.
 */
export function validateHandlebars(source: string, limits: Limits = DEFAULT_LIMITS): Diagnostic[] {
  try {
    parseHandlebars(source, limits);
    return [];
  } catch (e) {
    if (!(e instanceof HookmapError)) throw e;
    const d = e.toDiagnostic();
    return [{ ...d, path: '' }];
  }
}
