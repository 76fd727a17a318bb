/** What the admin API returns: records with every secret replaced by a "set" flag or its names. */
import type { Attempt, EventRecord, IntegrationRecord, Source } from '../store/types.js';
import { keptInboundHeaders, type Redactor } from '../redact.js';
import { hookPath } from '../inbound/path-token.js';
import { secretHeaderOf } from '../inbound/verify.js';

export function sourceView(s: Source) {
  return {
    id: s.id,
    name: s.name,
    provider: s.provider,
    verification: s.verification,
    secretSet: s.secret !== null,
    ...(s.verification === 'shared-secret' ? { secretHeader: secretHeaderOf(s) } : {}),
    // The token is shown once (creation, rotation); afterwards only whether there is one.
    pathTokenSet: Boolean(s.pathTokenHash),
    hookPath: s.pathTokenHash ? null : hookPath(s.id, null),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The answer that shows a new path token, the only one that does. */
export function sourceWithToken(s: Source, token: string) {
  return { ...sourceView(s), pathToken: token, hookPath: hookPath(s.id, token) };
}

export function integrationView(i: IntegrationRecord) {
  return {
    id: i.id,
    sourceId: i.sourceId,
    name: i.doc.name ?? null,
    doc: i.doc,
    secretNames: Object.keys(i.secrets).sort(),
    active: i.active,
    disabledReason: i.disabledReason,
    version: i.version ?? 1,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** Events as stored, with credential headers masked again (events stored before masking included). */
export function eventView(e: EventRecord): EventRecord {
  return { ...e, headers: keptInboundHeaders(e.headers) };
}

/** An attempt with `redactor`'s secrets masked in its request and response. */
export function attemptView(a: Attempt, redactor: Redactor): Attempt {
  const request = a.request
    ? {
        ...a.request,
        url: redactor.text(a.request.url),
        headers: redactor.headers(a.request.headers) ?? {},
        body: redactor.text(a.request.body),
      }
    : null;
  return {
    ...a,
    request,
    responseHeaders: redactor.headers(a.responseHeaders),
    responseBody: redactor.text(a.responseBody),
    error: redactor.text(a.error),
  };
}
