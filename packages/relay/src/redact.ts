/**
 * Secrets are write-only: every logged or returned string has secret values masked, in every form a
 * template can give them. A header is secret when its template reads `secrets.*` or `connection.*`
 * (decided from the template's references, whatever filters transformed the value), or when its name
 * says it carries a credential; its whole rendered value is masked, and so is any echo of that value or of
 * a secret in the encodings the filters produce (url_encode, base64 at any alignment, upper, lower, JSON
 * and HTML escapes).
 */
import { compile, integrationTemplates } from '@hookmap/core';
import { lastPointerSegment } from '@hookmap/core/tooling';

export const REDACTED = '[redacted]';

/** Header names that carry credentials whatever their value came from (outbound and inbound). */
const CREDENTIAL_HEADER =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|token|secret|signature|passw|credential|session|^x-auth/i;

/** Derived forms shorter than this are not masked (they would mask ordinary text). */
const MIN_DERIVED = 4;

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name);
}

/** Whether a template reference names a secret or a connection value (`secrets.X`, `$.connection.y`, `secrets["X"]`). */
export function readsSecret(reference: string): boolean {
  return (
    /^(\$\.?)?(secrets|connection)(?=$|[.[])/.test(reference) ||
    /^\$\[\s*["'](secrets|connection)["']\s*\]/.test(reference)
  );
}

/** Lower-case names of the headers (top-level and flow steps) whose template reads a secret or a connection. */
export function secretHeaderNames(doc: unknown): ReadonlySet<string> {
  const cached = typeof doc === 'object' && doc !== null ? headerNamesCache.get(doc) : undefined;
  if (cached) return cached;
  const names = new Set<string>();
  for (const t of integrationTemplates(doc)) {
    if (t.kind !== 'header' || typeof t.template !== 'string') continue;
    let secret: boolean;
    try {
      secret = compile(t.template).references.some(readsSecret);
    } catch {
      secret = true; // a template we cannot read is masked: fail closed
    }
    if (secret) names.add(lastPointerSegment(t.pointer).toLowerCase());
  }
  if (typeof doc === 'object' && doc !== null) headerNamesCache.set(doc, names);
  return names;
}

/** Documents are immutable once stored (a change is a new object), so their answer is kept with them. */
const headerNamesCache = new WeakMap<object, ReadonlySet<string>>();

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/**
 * The base64 characters that encode only `text`'s bytes, for each of the three alignments it can have
 * inside a longer value (`base64("user:" + secret)`, `base64(secret + ":")`): masking these masks the secret
 * wherever it sits in the encoded value.
 */
function base64Cores(text: string): string[] {
  const bytes = utf8(text);
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const padded = new Uint8Array(k + bytes.length);
    padded.set(bytes, k);
    const encoded = base64Of(padded);
    const firstGroup = k === 0 ? 0 : 1;
    const lastGroup = Math.floor((k + bytes.length) / 3);
    if (lastGroup > firstGroup) out.push(encoded.slice(firstGroup * 4, lastGroup * 4));
    // The tail, when the text ends the encoded value (padding included).
    if (k === 0) out.push(encoded, encoded.replace(/=+$/, ''));
  }
  return out;
}

function htmlEscape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Every form of `value` a template can produce, or a log can show. */
export function secretForms(value: string): string[] {
  const forms = new Set<string>([value]);
  const derived = new Set<string>();
  const addDerived = (v: string) => {
    if (v.length >= MIN_DERIVED) derived.add(v);
  };
  for (const v of [value, value.toUpperCase(), value.toLowerCase()]) {
    addDerived(v);
    addDerived(encodeURIComponent(v));
    addDerived(encodeURIComponent(v).replace(/%20/g, '+'));
    addDerived(JSON.stringify(v).slice(1, -1));
    addDerived(htmlEscape(v));
    for (const core of base64Cores(v)) {
      addDerived(core);
      addDerived(core.replace(/\+/g, '-').replace(/\//g, '_')); // base64url
    }
  }
  for (const d of derived) forms.add(d);
  return [...forms];
}

export class Redactor {
  private readonly values: string[];
  private readonly secrets: string[];

  constructor(
    values: Iterable<string | null | undefined>,
    /** Lower-case names of headers masked whole. */
    private readonly maskedHeaders: ReadonlySet<string> = new Set(),
  ) {
    this.values = [...values].filter((v): v is string => typeof v === 'string' && v.length > 0);
    const all = new Set<string>();
    for (const v of this.values) for (const form of secretForms(v)) all.add(form);
    // Longest first, so a secret containing another is masked whole.
    this.secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** Masks an integration's secrets in all their forms, and the headers its templates build from them. */
  static forIntegration(
    integration: { doc: unknown; secrets: Record<string, string> },
    extra: Iterable<string> = [],
  ): Redactor {
    return new Redactor(
      [...Object.values(integration.secrets), ...extra],
      secretHeaderNames(integration.doc),
    );
  }

  /**
   * This redactor plus the rendered values of the request's secret headers (and their credential part
   * after a scheme word such as `Basic`), so a destination echoing them back is masked too.
   */
  forRequest(headers: Record<string, string>): Redactor {
    const rendered: string[] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (!this.masksHeader(name) || !value) continue;
      rendered.push(value);
      const credential = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value)?.[1];
      if (credential && credential.length >= MIN_DERIVED) rendered.push(credential);
    }
    return new Redactor([...this.values, ...rendered], this.maskedHeaders);
  }

  masksHeader(name: string): boolean {
    const lower = name.toLowerCase();
    return this.maskedHeaders.has(lower) || isCredentialHeader(lower);
  }

  text(value: string): string;
  text(value: string | null): string | null;
  text(value: string | null): string | null {
    if (value === null || this.secrets.length === 0) return value;
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** Headers with secret ones masked whole and secret values masked in the others. */
  headers(headers: Record<string, string> | null): Record<string, string> | null {
    if (!headers) return null;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers))
      out[this.text(name)] = this.masksHeader(name) ? REDACTED : this.text(value);
    return out;
  }
}

/** Inbound request headers kept with an event: credential headers are kept by name, their values masked. */
export function keptInboundHeaders(
  headers: Record<string, string | string[] | undefined>,
  extraSecretHeaders: readonly string[] = [],
): Record<string, string> {
  const extra = new Set(extraSecretHeaders.map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] =
      isCredentialHeader(lower) || extra.has(lower)
        ? REDACTED
        : Array.isArray(value)
          ? value.join(', ')
          : value;
  }
  return out;
}
