import { Codes } from '../codes.js';
import { escapePointer, HookmapError, RequestError } from '../errors.js';
import { toText } from '../evaluate/text.js';
import { compile, compileTextGuarded } from '../template.js';
import type { TextGuard } from '../compile/env.js';
import type { CompiledTemplate, Diagnostic } from '../types.js';

export interface PreparedHeader {
  name: string;
  pointer: string;
  template: CompiledTemplate;
  /** Every text the template inserts is checked as it renders (its literal text was checked here). */
  checked: boolean;
}

/** Compiles header values once per integration; `at` is the pointer of the request (a flow step's). */
export function prepareHeaders(headers: Record<string, string> | undefined, at = ''): PreparedHeader[] {
  return Object.entries(headers ?? {}).map(([name, value]) => {
    const pointer = `${at}/headers/${escapePointer(name)}`;
    try {
      if (UNSENDABLE.test(value)) return { name, pointer, template: compile(value), checked: false };
      const guard: TextGuard = {
        installed: false,
        check(piece) {
          const problem = headerValueProblem(piece);
          if (problem) throw injection(name, problem, pointer);
        },
      };
      const template = compileTextGuarded(value, guard);
      return { name, pointer, template, checked: guard.installed };
    } catch (e) {
      if (e instanceof HookmapError) e.path = pointer + e.path;
      throw e;
    }
  });
}

/**
 * Shared headers (a flow's integration-level ones) under a request's own: a name the request sets
 * itself, in any spelling, replaces the shared one.
 */
export function mergeHeaders(shared: PreparedHeader[], own: PreparedHeader[]): PreparedHeader[] {
  const names = new Set(own.map((h) => h.name.toLowerCase()));
  return [...shared.filter((h) => !names.has(h.name.toLowerCase())), ...own];
}

/** Renders header values as text templates; CR or LF in a result is refused, never sent. */
export function renderHeaders(
  headers: PreparedHeader[],
  context: Record<string, unknown>,
  diagnostics: Diagnostic[] | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, pointer, template, checked } of headers) {
    let value: unknown;
    if (diagnostics) {
      const rendered = template.renderWithDiagnostics(context);
      for (const d of rendered.diagnostics) diagnostics.push(retarget(d, pointer));
      value = rendered.value;
    } else {
      value = template.render(context);
    }
    const text = toText(value);
    const problem = checked ? null : headerValueProblem(text);
    if (problem) throw injection(name, problem, pointer);
    out[name] = text;
  }
  return out;
}

function injection(name: string, problem: string, pointer: string): RequestError {
  return new RequestError(Codes.HEADER_INJECTION, `Header "${name}" ${problem}`, { path: pointer });
}

/** CR, LF, NUL or a character outside Latin-1: one regular-expression test clears the usual value. */
const UNSENDABLE = /[\0\n\r\u0100-\uffff]/;

/** Why a header value cannot be sent as is, or null: CR, LF and NUL (injection) and non-Latin-1 text. */
function headerValueProblem(text: string): string | null {
  if (!UNSENDABLE.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0) {
      return 'contains a line break or NUL after rendering; it is refused (header injection). Remove CR/LF/NUL from the values it uses.';
    }
    if (c > 0xff) {
      return 'has characters HTTP headers cannot carry (outside Latin-1). Encode the value, e.g. {{ value | url_encode }}.';
    }
  }
  return null;
}

function retarget(d: Diagnostic, pointer: string): Diagnostic {
  const ref = d.reference ?? '';
  if (d.code === Codes.UNRESOLVED && ref.startsWith('secrets.')) {
    const name = ref.slice('secrets.'.length);
    return {
      ...d,
      code: Codes.MISSING_SECRET,
      message: `Secret ${name} is not set: pass it in the secrets (never in the payload).`,
      path: pointer,
    };
  }
  if (d.code === Codes.UNRESOLVED && ref.startsWith('connection.')) {
    const name = ref.slice('connection.'.length);
    return {
      ...d,
      code: Codes.MISSING_CONNECTION_VALUE,
      message: `Connection value ${name} is not set: pass it in the connection (never in the payload), or name the integration's connection.`,
      path: pointer,
    };
  }
  return { ...d, path: pointer };
}

/** Sets a header, replacing any spelling of the same name. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
  headers[name] = value;
}
