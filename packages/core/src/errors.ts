import type { Code } from './codes.js';
import type { Diagnostic } from './types.js';

interface Location {
  path?: string;
  start?: number;
  end?: number;
  key?: boolean;
}

/** Base of every hookmap error: a stable code plus where in the template it happened. */
export class HookmapError extends Error {
  readonly code: Code;
  /** JSON Pointer into the template; '' for a root or string template. */
  path: string;
  start: number;
  end: number;
  key: boolean;
  suggestion?: string;
  /** Name of the exceeded limit, for limit errors. */
  limit?: string;

  constructor(code: Code, message: string, loc: Location = {}) {
    super(message);
    this.name = 'HookmapError';
    this.code = code;
    this.path = loc.path ?? '';
    this.start = loc.start ?? 0;
    this.end = loc.end ?? 0;
    this.key = loc.key ?? false;
  }

  toDiagnostic(severity: Diagnostic['severity'] = 'error'): Diagnostic {
    const d: Diagnostic = {
      severity,
      code: this.code,
      message: this.message,
      path: this.path,
      start: this.start,
      end: this.end,
    };
    if (this.key) d.key = true;
    if (this.suggestion !== undefined) d.suggestion = this.suggestion;
    return d;
  }
}

/** Syntax and compile problems: thrown by compile(), collected by validate(). */
export class TemplateError extends HookmapError {
  constructor(code: Code, message: string, loc: Location = {}) {
    super(code, message, loc);
    this.name = 'TemplateError';
  }
}

/** Problems met while rendering: only thrown for limits, `missing: 'error'` and `required`. */
export class RenderError extends HookmapError {
  reference?: string;
  constructor(code: Code, message: string, loc: Location = {}) {
    super(code, message, loc);
    this.name = 'RenderError';
  }
}

/** Problems with an integration document or the request it renders. */
export class RequestError extends HookmapError {
  constructor(code: Code, message: string, loc: Location = {}) {
    super(code, message, loc);
    this.name = 'RequestError';
  }
}

/** RFC 6901 escaping of one pointer segment (kept under this name for core's own callers). */
export { escapePointerSegment as escapePointer } from './json/pointer.js';

/** A template limit was exceeded: the error names the limit (SPEC §8). */
export function templateLimitError(
  code: Code,
  limit: string,
  message: string,
  loc: Location = {},
): TemplateError {
  const err = new TemplateError(code, message, loc);
  err.limit = limit;
  return err;
}
