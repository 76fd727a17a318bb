/** Connection records and secret keys for tests. */
import { randomBytes } from 'node:crypto';
import type { ConnectionRecord } from '../../src/store/types.js';
import { nowIso } from '../../src/ids.js';

export const newKey = () => randomBytes(32).toString('base64');

export function connection(id: string, extra: Partial<ConnectionRecord> = {}): ConnectionRecord {
  const now = nowIso();
  return {
    id,
    kind: 'oauth2',
    preset: null,
    tokenUrl: 'http://127.0.0.1:1/token',
    authorizeUrl: null,
    clientId: 'client-1',
    clientSecret: 'client-secret-value-123',
    refreshToken: 'refresh-token-value-456',
    accessToken: 'access-token-value-789',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    scope: null,
    tokenAuth: 'basic',
    values: { instance_url: 'https://acme.example.com', api_key: 'static-key-value-000' },
    status: 'ok',
    lastRefreshAt: null,
    lastError: null,
    pendingAuth: null,
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
}

export const SECRET_FIELDS = [
  'client-secret-value-123',
  'refresh-token-value-456',
  'access-token-value-789',
  'static-key-value-000',
];
