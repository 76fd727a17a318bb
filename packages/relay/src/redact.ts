/** Secrets are write-only: every logged or returned string has known secret values masked. */

export const REDACTED = '[redacted]';

export class Redactor {
  private readonly secrets: string[];

  constructor(values: Iterable<string | null | undefined>) {
    // Longest first, so a secret containing another is masked whole.
    this.secrets = [...new Set([...values].filter((v): v is string => typeof v === 'string' && v.length > 0))]
      .sort((a, b) => b.length - a.length);
  }

  text(value: string): string;
  text(value: string | null): string | null;
  text(value: string | null): string | null {
    if (value === null || this.secrets.length === 0) return value;
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out;
  }

  headers(headers: Record<string, string> | null): Record<string, string> | null {
    if (!headers) return null;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[this.text(name)] = this.text(value);
    return out;
  }
}

/** Inbound request headers worth keeping with an event (credentials dropped). */
export function keptInboundHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'authorization' || name === 'cookie' || name === 'proxy-authorization') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
