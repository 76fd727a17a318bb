/** Validation of connection bodies of the admin API, and the view it answers (no secret value, ever). */
import type { ConnectionRecord } from '../store/types.js';
import type { ConnectionView } from '../api.js';
import { nowIso } from '../ids.js';
import { badRequest } from '../http/errors.js';
import { asObject } from '../http/input.js';
import { PRESETS } from './presets.js';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const SECRET_FIELDS = ['clientSecret', 'refreshToken', 'accessToken'] as const;

function str(body: Record<string, unknown>, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string')
    throw badRequest(`"${key}" must be a string (or null to clear it)`, { field: key });
  return value;
}

function url(body: Record<string, unknown>, key: string): string | null | undefined {
  const value = str(body, key);
  if (!value) return value === '' ? null : value;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badRequest(`"${key}" must be an http(s) URL`, { field: key });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw badRequest(`"${key}" must be an http(s) URL`, { field: key });
  return value;
}

function valuesFrom(raw: unknown, existing: Record<string, string>): Record<string, string> {
  if (raw === undefined) return existing;
  const out = { ...existing };
  for (const [name, v] of Object.entries(asObject(raw))) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name))
      throw badRequest(
        `value name "${name}" must be letters, digits and _ (a template reads it as connection.${name})`,
      );
    if (v === null) delete out[name];
    else if (typeof v === 'string') out[name] = v;
    else throw badRequest(`value "${name}" must be a string (or null to remove it)`);
  }
  return out;
}

export function connectionFromInput(raw: unknown, existing: ConnectionRecord | null): ConnectionRecord {
  const body = asObject(raw);
  const id = existing?.id ?? str(body, 'id');
  if (!id || !ID_PATTERN.test(id))
    throw badRequest('"id" is required: letters, digits, "-" and "_" (at most 64)', { field: 'id' });
  const presetName = body.preset === undefined ? (existing?.preset ?? null) : (str(body, 'preset') ?? null);
  const preset = presetName ? PRESETS[presetName] : undefined;
  if (presetName && !preset)
    throw badRequest(`unknown preset "${presetName}"; one of ${Object.keys(PRESETS).join(', ')}`, {
      field: 'preset',
    });
  const kind = (str(body, 'kind') ?? existing?.kind ?? 'oauth2') as ConnectionRecord['kind'];
  if (kind !== 'oauth2' && kind !== 'static')
    throw badRequest('"kind" must be "oauth2" or "static"', { field: 'kind' });
  const tokenAuth = (str(body, 'tokenAuth') ??
    (body.preset !== undefined ? preset?.tokenAuth : undefined) ??
    existing?.tokenAuth ??
    preset?.tokenAuth ??
    'basic') as ConnectionRecord['tokenAuth'];
  if (tokenAuth !== 'basic' && tokenAuth !== 'body')
    throw badRequest('"tokenAuth" must be "basic" (HTTP Basic) or "body" (form fields)', {
      field: 'tokenAuth',
    });
  // A preset named in this body wins over the stored URLs; otherwise what is stored stays.
  const presetFirst = body.preset !== undefined;
  const fromPreset = (stored: string | null | undefined, given: string | undefined) =>
    (presetFirst ? (given ?? stored) : (stored ?? given)) ?? null;
  const pick = (key: string, fallback: string | null, read = str) => {
    const v = read(body, key);
    return v === undefined ? fallback : v || null;
  };
  const secrets = Object.fromEntries(SECRET_FIELDS.map((f) => [f, pick(f, existing?.[f] ?? null)])) as Record<
    (typeof SECRET_FIELDS)[number],
    string | null
  >;
  const expiresAt = pick('expiresAt', existing?.expiresAt ?? null);
  if (expiresAt !== null && Number.isNaN(Date.parse(expiresAt)))
    throw badRequest('"expiresAt" must be an ISO 8601 time', { field: 'expiresAt' });
  const now = nowIso();
  const next: ConnectionRecord = {
    id,
    kind,
    preset: presetName,
    tokenUrl: pick('tokenUrl', fromPreset(existing?.tokenUrl, preset?.tokenUrl), url),
    authorizeUrl: pick('authorizeUrl', fromPreset(existing?.authorizeUrl, preset?.authorizeUrl), url),
    clientId: pick('clientId', existing?.clientId ?? null),
    ...secrets,
    expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    scope: pick('scope', fromPreset(existing?.scope, preset?.scope)),
    tokenAuth,
    values: valuesFrom(body.values, existing?.values ?? {}),
    status: existing?.status ?? 'ok',
    lastRefreshAt: existing?.lastRefreshAt ?? null,
    lastError: existing?.lastError ?? null,
    pendingAuth: existing?.pendingAuth ?? null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (kind === 'oauth2' && (!next.tokenUrl || !next.clientId)) {
    throw badRequest('an "oauth2" connection needs "tokenUrl" (or a "preset") and "clientId"', {
      field: next.tokenUrl ? 'clientId' : 'tokenUrl',
    });
  }
  if (kind === 'static' && preset?.staticValues) {
    const missing = Object.keys(preset.staticValues).filter((name) => !next.values[name]);
    if (missing.length)
      throw badRequest(
        `a "static" ${presetName} connection needs ${missing.map((name) => `values.${name}: ${preset.staticValues![name]}`).join('; ')}`,
        { field: `values.${missing[0]}` },
      );
  }
  // New tokens given by hand: the connection is usable again.
  if (existing && (body.refreshToken || body.accessToken))
    Object.assign(next, { status: 'ok', lastError: null });
  return next;
}

/** What the API shows: never a secret value, only which fields hold one (`set`). */
export function connectionView(c: ConnectionRecord, refreshing = false): ConnectionView {
  const set = [
    ...(c.clientId ? ['clientId'] : []),
    ...SECRET_FIELDS.filter((f) => c[f]),
    ...Object.keys(c.values).map((name) => `values.${name}`),
  ];
  return {
    id: c.id,
    kind: c.kind,
    preset: c.preset,
    status: refreshing && c.status === 'ok' ? 'refreshing' : c.status,
    expiresAt: c.expiresAt,
    lastRefreshAt: c.lastRefreshAt,
    lastError: c.lastError,
    set,
    tokenUrl: c.tokenUrl,
    authorizeUrl: c.authorizeUrl,
    clientId: c.clientId,
    scope: c.scope,
    tokenAuth: c.tokenAuth,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
