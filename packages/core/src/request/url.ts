import { Codes } from '../codes.js';
import { TemplateError } from '../errors.js';
import { encodeComponent, toText } from '../evaluate/text.js';
import { scan, type ExprSegment } from '../syntax/scan.js';
import { compileExpressionAt } from '../template.js';
import type { Diagnostic } from '../types.js';

/**
 * SPEC §6 URLs: each placeholder resolves against the provider's URL scope first, then the
 * whole context; unresolved placeholders stay exactly as written; substituted values are
 * percent-encoded — except a placeholder that opens the URL, which supplies the base URL
 * (e.g. `{{secrets.SALESFORCE_INSTANCE_URL}}/services/...`) and is inserted as is.
 */
export function renderUrl(
  url: string,
  scope: Record<string, unknown> | null,
  context: Record<string, unknown>,
  diagnostics: Diagnostic[] | null,
  pointer = '/url',
): string {
  return renderPreparedUrl(prepareUrl(url, pointer), scope, context, diagnostics, pointer);
}

/** renderUrl for a URL already prepared (a request keeps its own: no cache look-up per render). */
export function renderPreparedUrl(
  prepared: PreparedUrl,
  scope: Record<string, unknown> | null,
  context: Record<string, unknown>,
  diagnostics: Diagnostic[] | null,
  pointer: string,
): string {
  const { parts, fixedOrigin } = prepared;
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { segment: seg, evaluate } = part;
    let value = scope ? evaluate(scope) : undefined;
    if (value === undefined || value === null) value = evaluate(context);
    if (value === undefined || value === null) {
      out += seg.raw;
      diagnostics?.push({
        severity: 'warning',
        code: Codes.UNRESOLVED,
        message: `URL placeholder ${seg.raw} did not resolve and is left as written.`,
        path: pointer,
        start: seg.start,
        end: seg.end,
        reference: seg.source.trim(),
      });
      continue;
    }
    const text = toText(value);
    out += seg.start === 0 ? text : encodeComponent(text);
  }
  if (!fixedOrigin && diagnostics) checkUrl(out, diagnostics, pointer);
  return out;
}

/** A URL placeholder, compiled: evaluated against the URL scope, then the whole context. */
interface UrlPlaceholder {
  segment: ExprSegment;
  evaluate: (ctx: Record<string, unknown>) => unknown;
}

export interface PreparedUrl {
  parts: (string | UrlPlaceholder)[];
  /**
   * True when the template's literal start already holds an http(s) scheme, host and the character
   * that ends them (`/`, `?` or `#`): whatever placeholders add after that cannot stop the URL from
   * parsing (the parser only escapes path, query and fragment text), so the per-render check is skipped.
   */
  fixedOrigin: boolean;
}

const prepared = new Map<string, PreparedUrl>();

/**
 * Scans and compiles a URL template once (a bounded cache keyed by the template text; `pointer` only
 * places a syntax error, so a cached entry serves every step of a flow that has the same URL).
 */
export function prepareUrl(url: string, pointer = '/url'): PreparedUrl {
  let entry = prepared.get(url);
  if (!entry) {
    let parts: (string | UrlPlaceholder)[];
    try {
      parts = scan(url).map((seg) =>
        seg.kind === 'text'
          ? seg.value
          : { segment: seg, evaluate: compileExpressionAt(seg.source, seg.exprStart, '/url') },
      );
    } catch (e) {
      if (e instanceof TemplateError) e.path = pointer;
      throw e;
    }
    const head = typeof parts[0] === 'string' ? parts[0] : '';
    const origin = /^https?:\/\/[^/?#]*[/?#]/i.exec(head)?.[0];
    const fixedOrigin = origin !== undefined && isHttpUrl(origin);
    entry = { parts, fixedOrigin };
    if (prepared.size > 1000) prepared.clear();
    prepared.set(url, entry);
  }
  return entry;
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkUrl(url: string, diagnostics: Diagnostic[], pointer: string): void {
  if (!isHttpUrl(url)) {
    diagnostics.push({
      severity: 'error',
      code: Codes.INVALID_URL,
      message: `The rendered URL "${url.slice(0, 200)}" is not an http(s) URL; check the "url" template and its placeholders.`,
      path: pointer,
      start: 0,
      end: url.length,
    });
  }
}
