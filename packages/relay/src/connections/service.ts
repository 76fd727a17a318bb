/**
 * Connections at work (SPEC §10): the values a delivery renders with, refreshed before they run out;
 * a refresh after a 401; the authorization-code flow. One refresh per connection at a time: in this
 * process through a promise per connection, across processes through the store's lock on the
 * connection (PostgreSQL: the row, held by `SELECT … FOR UPDATE`), re-reading the row once the lock is
 * held — another relay may have refreshed it meanwhile.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ConnectionRecord, Store } from '../store/types.js';
import type { Logger } from '../log.js';
import type { RelayMetrics } from '../metrics.js';
import { nowIso } from '../ids.js';
import { codeGrant, GrantRefused, newAuthorization, refreshGrant, type Tokens } from './oauth.js';
import { PRESETS } from './presets.js';

/** Refresh a token that expires within this, before using it. */
export const REFRESH_MARGIN_MS = 60_000;
const AUTHORIZE_TTL_MS = 10 * 60_000;

/** A delivery cannot get its connection's values. `permanent`: retrying will not help until someone acts. */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** What a delivery renders with: the `connection` scope, and every value to mask in what is logged. */
export interface ConnectionScope {
  values: Record<string, string>;
  secrets: string[];
  /** The access token used (a 401 refreshes only if the connection still holds this one). */
  accessToken: string | null;
}

export interface ConnectionsOptions {
  store: Store;
  log: Logger;
  metrics?: RelayMetrics;
}

function reconnectMessage(c: ConnectionRecord): string {
  return (
    `connection "${c.id}" needs to be reconnected${c.lastError ? ` (${c.lastError})` : ''}: authorize it again ` +
    `(POST /api/connections/${c.id}/authorize, or Reconnect in the editor), then retry the failed deliveries (POST /api/deliveries/retry)`
  );
}

export function scopeOf(c: ConnectionRecord): ConnectionScope {
  const values: Record<string, string> = { ...c.values };
  if (c.kind === 'oauth2' && c.accessToken) values.access_token = c.accessToken;
  const secrets = [...Object.values(values), c.refreshToken, c.clientSecret].filter(
    (v): v is string => !!v && v.length >= 4,
  );
  return { values, secrets, accessToken: c.accessToken };
}

/**
 * How long before its expiry a token is refreshed: 60 s, or a quarter of the lifetime it was issued with
 * when that is shorter (under 4 minutes), so a token that lives seconds is used for most of its life
 * instead of being refreshed at every delivery. The lifetime is known while the row is as the last
 * refresh stored it (`lastRefreshAt` is its `updatedAt`); after any other change (an expiry set by hand)
 * the margin is 60 s.
 */
export function refreshMarginMs(
  c: Pick<ConnectionRecord, 'expiresAt' | 'lastRefreshAt' | 'updatedAt'>,
): number {
  if (!c.expiresAt || !c.lastRefreshAt || c.lastRefreshAt !== c.updatedAt) return REFRESH_MARGIN_MS;
  const lifetime = Date.parse(c.expiresAt) - Date.parse(c.lastRefreshAt);
  return lifetime > 0 ? Math.min(REFRESH_MARGIN_MS, lifetime / 4) : REFRESH_MARGIN_MS;
}

function expiresSoon(c: ConnectionRecord, now = Date.now()): boolean {
  if (!c.accessToken) return true;
  return c.expiresAt !== null && Date.parse(c.expiresAt) - now < refreshMarginMs(c);
}

function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

export class Connections {
  private readonly refreshing = new Map<string, Promise<ConnectionRecord>>();

  constructor(private readonly o: ConnectionsOptions) {}

  /** Whether this process is refreshing the connection now (shown as status `refreshing`). */
  isRefreshing(id: string): boolean {
    return this.refreshing.has(id);
  }

  /** The connection's values for a delivery, refreshed first when its token expires within 60 s. */
  async scopeFor(id: string): Promise<ConnectionScope> {
    let c = await this.o.store.getConnection(id);
    if (!c)
      throw new ConnectionError(
        `connection "${id}" does not exist: create it (POST /api/connections) or name another one in the integration`,
        true,
      );
    if (c.status === 'needs_reauth') throw new ConnectionError(reconnectMessage(c), true);
    if (c.kind === 'oauth2' && expiresSoon(c)) c = await this.refresh(id, (current) => expiresSoon(current));
    return scopeOf(c);
  }

  /** The destination answered 401 to `used`: refresh once (unless another refresh already replaced it) and answer the new values. */
  async scopeAfterUnauthorized(id: string, used: string | null): Promise<ConnectionScope> {
    return scopeOf(await this.refresh(id, (current) => current.accessToken === used || !current.accessToken));
  }

  private refresh(
    id: string,
    stillNeeded: (current: ConnectionRecord) => boolean,
  ): Promise<ConnectionRecord> {
    const running = this.refreshing.get(id);
    if (running) return running;
    const work = this.refreshLocked(id, stillNeeded).finally(() => this.refreshing.delete(id));
    this.refreshing.set(id, work);
    return work;
  }

  private async refreshLocked(
    id: string,
    stillNeeded: (current: ConnectionRecord) => boolean,
  ): Promise<ConnectionRecord> {
    let failure: ConnectionError | null = null;
    const stored = await this.o.store.updateConnectionLocked(id, async (current) => {
      if (!current || current.status === 'needs_reauth' || current.kind !== 'oauth2' || !stillNeeded(current))
        return null;
      const now = nowIso();
      try {
        const tokens = await refreshGrant(current);
        this.o.metrics?.tokenRefreshed('ok');
        this.o.log.info('connection token refreshed', { connectionId: id, expiresAt: tokens.expiresAt });
        return withTokens(current, tokens, now);
      } catch (error) {
        this.o.metrics?.tokenRefreshed('failed');
        if (error instanceof GrantRefused) {
          this.o.log.warn('connection needs to be reconnected', { connectionId: id, error: error.message });
          return { ...current, status: 'needs_reauth', lastError: error.message, updatedAt: now };
        }
        const message = `token refresh failed: ${(error as Error).message}`;
        this.o.log.warn('connection token refresh failed', { connectionId: id, error: message });
        failure = new ConnectionError(`connection "${id}": ${message}; the delivery is retried`, false);
        return { ...current, lastError: message, updatedAt: now };
      }
    });
    if (failure) throw failure;
    if (!stored)
      throw new ConnectionError(
        `connection "${id}" does not exist: create it (POST /api/connections) or name another one in the integration`,
        true,
      );
    if (stored.status === 'needs_reauth') throw new ConnectionError(reconnectMessage(stored), true);
    return stored;
  }

  /** Start the authorization-code flow with PKCE: the URL to open; the verifier stays here, sealed, for 10 minutes. */
  async authorize(id: string, redirectUri: string): Promise<string | null> {
    let url: string | null = null;
    await this.o.store.updateConnectionLocked(id, async (c) => {
      if (!c) return null;
      if (c.kind !== 'oauth2' || !c.authorizeUrl || !c.clientId) {
        throw new ConnectionError(
          `connection "${id}" cannot be authorized: it needs kind "oauth2", an authorizeUrl (or a preset) and a clientId`,
          true,
        );
      }
      const { verifier, challenge, state } = await newAuthorization();
      const fullState = `${id}.${state}`;
      const target = new URL(c.authorizeUrl);
      const preset = c.preset ? PRESETS[c.preset] : undefined;
      const params: Record<string, string> = {
        response_type: 'code',
        client_id: c.clientId,
        redirect_uri: redirectUri,
        state: fullState,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(c.scope ? { scope: c.scope } : {}),
        ...preset?.authorizeParams,
      };
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      url = target.toString();
      const pendingAuth = {
        stateHash: hashState(fullState),
        verifier,
        redirectUri,
        expiresAt: new Date(Date.now() + AUTHORIZE_TTL_MS).toISOString(),
      };
      return { ...c, pendingAuth, updatedAt: nowIso() };
    });
    return url;
  }

  /** Finish the flow: check the state, exchange the code, store the tokens. Throws ConnectionError with what went wrong. */
  async complete(state: string, code: string): Promise<ConnectionRecord> {
    const id = state.split('.')[0] ?? '';
    let failure: Error | null = null;
    const stored = await this.o.store.updateConnectionLocked(id, async (c) => {
      const pending = c?.pendingAuth;
      const expected = pending ? Buffer.from(pending.stateHash, 'hex') : Buffer.alloc(0);
      const given = Buffer.from(hashState(state), 'hex');
      if (!c || !pending || expected.length !== given.length || !timingSafeEqual(expected, given)) {
        failure = new ConnectionError(
          'this authorization is unknown or was already used: start again from the relay (Connect)',
          true,
        );
        return null;
      }
      const now = nowIso();
      if (Date.parse(pending.expiresAt) < Date.now()) {
        failure = new ConnectionError(
          'this authorization took longer than 10 minutes: start again from the relay (Connect)',
          true,
        );
        return { ...c, pendingAuth: null, updatedAt: now };
      }
      try {
        const tokens = await codeGrant(c, code, state, pending.redirectUri, pending.verifier);
        return { ...withTokens(c, tokens, now), pendingAuth: null };
      } catch (error) {
        failure = new ConnectionError(
          `the code could not be exchanged for tokens: ${(error as Error).message}`,
          true,
        );
        return { ...c, pendingAuth: null, lastError: (failure as Error).message, updatedAt: now };
      }
    });
    if (failure) throw failure;
    this.o.log.info('connection authorized', { connectionId: id });
    return stored!;
  }
}

function withTokens(c: ConnectionRecord, t: Tokens, now: string): ConnectionRecord {
  return {
    ...c,
    accessToken: t.accessToken,
    refreshToken: t.refreshToken ?? c.refreshToken,
    expiresAt: t.expiresAt,
    scope: t.scope ?? c.scope,
    values: { ...c.values, ...t.extras },
    status: 'ok',
    lastRefreshAt: now,
    lastError: null,
    updatedAt: now,
  };
}
