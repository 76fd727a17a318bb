/** Validation of admin API bodies into store records. */
import { validateIntegration } from '@hookmap/core';
import type { Diagnostic, Integration } from '@hookmap/core';
import type { IntegrationRecord, Source, Verification } from '../store/types.js';
import { newId, nowIso } from '../ids.js';
import { findProvider } from '../delivery/render.js';
import { canVerify } from '../inbound/verify.js';
import { badRequest, HttpError } from './errors.js';

type Body = Record<string, unknown>;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const VERIFICATIONS: Verification[] = ['auto', 'standard-webhooks', 'shared-secret', 'none'];
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;

export function asObject(body: unknown): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('expected a JSON object');
  return body as Body;
}

function optionalString(body: Body, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw badRequest(`"${key}" must be a string`);
  return value;
}

export function sourceFromInput(raw: unknown, existing: Source | null): Source {
  const body = asObject(raw);
  const id = existing?.id ?? optionalString(body, 'id') ?? newId('src');
  if (!ID_PATTERN.test(id)) throw badRequest('"id" may hold letters, digits, "-" and "_" (at most 64)');
  const provider =
    body.provider === undefined ? (existing?.provider ?? null) : (optionalString(body, 'provider') ?? null);
  if (provider !== null && !findProvider(provider)) throw badRequest(`unknown provider "${provider}"`);
  const verification = (optionalString(body, 'verification') ??
    existing?.verification ??
    'auto') as Verification;
  if (!VERIFICATIONS.includes(verification))
    throw badRequest(`"verification" must be one of ${VERIFICATIONS.join(', ')}`);
  const secretInput = optionalString(body, 'secret');
  const secret = secretInput === undefined ? (existing?.secret ?? null) : secretInput || null;
  if (secret && verification === 'auto' && !canVerify(provider, verification)) {
    throw badRequest(
      `provider "${provider ?? 'none'}" does not sign its webhooks; set "verification": "shared-secret" (a header the sender adds) or "standard-webhooks", or drop the secret`,
    );
  }
  if (verification === 'shared-secret' && !secret)
    throw badRequest('"verification": "shared-secret" needs a "secret"', {
      field: 'secret',
      pointer: '/secret',
    });
  const headerInput = optionalString(body, 'secretHeader');
  const secretHeader =
    headerInput === undefined ? (existing?.secretHeader ?? null) : headerInput?.toLowerCase() || null;
  if (secretHeader !== null && !HEADER_NAME.test(secretHeader))
    throw badRequest('"secretHeader" must be a header name: letters, digits and "-"');
  const now = nowIso();
  return {
    id,
    name: optionalString(body, 'name') ?? existing?.name ?? id,
    provider,
    verification,
    secret,
    secretHeader,
    pathTokenHash: existing?.pathTokenHash ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

function secretsFromInput(value: unknown, existing: Record<string, string>): Record<string, string> {
  if (value === undefined) return existing;
  const body = asObject(value);
  const out = { ...existing };
  for (const [name, v] of Object.entries(body)) {
    if (v === null) delete out[name];
    else if (typeof v === 'string') out[name] = v;
    else throw badRequest(`secret "${name}" must be a string (or null to remove it)`);
  }
  return out;
}

export function integrationFromInput(raw: unknown, existing: IntegrationRecord | null): IntegrationRecord {
  const body = asObject(raw);
  const sourceId = existing?.sourceId ?? optionalString(body, 'sourceId');
  if (!sourceId) throw badRequest('"sourceId" is required');
  const doc = (body.doc === undefined ? existing?.doc : asObject(body.doc)) as Integration | undefined;
  if (!doc) throw badRequest('"doc" (the integration document) is required');
  const problems = validateIntegration(doc).filter((d: Diagnostic) => d.severity === 'error');
  if (problems.length)
    throw new HttpError(422, 'invalid_integration', 'the integration document is not valid', problems);
  // An explicit `active` wins, then the document's own flag; editing a document leaves a disabled integration disabled.
  const active =
    typeof body.active === 'boolean'
      ? body.active
      : typeof doc.active === 'boolean' && body.doc !== undefined
        ? doc.active
        : (existing?.active ?? true);
  const now = nowIso();
  return {
    id: existing?.id ?? newId('int'),
    sourceId,
    doc,
    secrets: secretsFromInput(body.secrets, existing?.secrets ?? {}),
    active,
    disabledReason: active ? null : (existing?.disabledReason ?? null),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}
