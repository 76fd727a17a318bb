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
  diagnostics: Diagnostic[],
): string {
  const parts = prepareUrl(url);
  // The URL scope is payload data: the real secrets are laid over it, so a payload can never supply them.
  const scoped = scope ? { ...scope, secrets: context.secrets } : null;
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { segment: seg, evaluate } = part;
    let value = scoped ? evaluate(scoped) : undefined;
    if (value === undefined || value === null) value = evaluate(context);
    if (value === undefined || value === null) {
      out += seg.raw;
      diagnostics.push({
        severity: 'warning',
        code: Codes.UNRESOLVED,
        message: `URL placeholder ${seg.raw} did not resolve and is left as written.`,
        path: '/url',
        start: seg.start,
        end: seg.end,
        reference: seg.source.trim(),
      });
      continue;
    }
    const text = toText(value);
    out += seg.start === 0 ? text : encodeComponent(text);
  }
  checkUrl(out, diagnostics);
  return out;
}

/** A URL placeholder, compiled: evaluated against the URL scope, then the whole context. */
interface UrlPlaceholder {
  segment: ExprSegment;
  evaluate: (ctx: Record<string, unknown>) => unknown;
}

const prepared = new Map<string, (string | UrlPlaceholder)[]>();

/** Scans and compiles a URL template once (a bounded cache keyed by the template text). */
function prepareUrl(url: string): (string | UrlPlaceholder)[] {
  let parts = prepared.get(url);
  if (!parts) {
    try {
      parts = scan(url).map((seg) =>
        seg.kind === 'text' ? seg.value : { segment: seg, evaluate: compileExpressionAt(seg.source, seg.exprStart, '/url') },
      );
    } catch (e) {
      if (e instanceof TemplateError) e.path = '/url';
      throw e;
    }
    if (prepared.size > 1000) prepared.clear();
    prepared.set(url, parts);
  }
  return parts;
}

function checkUrl(url: string, diagnostics: Diagnostic[]): void {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) {
    diagnostics.push({
      severity: 'error',
      code: Codes.INVALID_URL,
      message: `The rendered URL "${url.slice(0, 200)}" is not an http(s) URL; check the "url" template and its placeholders.`,
      path: '/url',
      start: 0,
      end: url.length,
    });
  }
}
