/**
 * Connections in PostgreSQL. A change under the lock (a token refresh) runs in one transaction that
 * holds the row with `SELECT … FOR UPDATE`: a second relay asking for the same connection waits, then
 * reads the row the first one stored — new access token and rotated refresh token, committed together.
 */
import type pg from 'pg';
import type { ConnectionChange, ConnectionDeletion, ConnectionRecord } from '../types.js';
import type { SecretCipher } from '../../secrets/cipher.js';
import { needsReseal, openConnection, sealConnection } from '../../secrets/records.js';

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, 'query'>;

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

function toConnection(r: Row): ConnectionRecord {
  return {
    id: r.id as string,
    kind: r.kind as ConnectionRecord['kind'],
    preset: (r.preset as string | null) ?? null,
    tokenUrl: (r.token_url as string | null) ?? null,
    authorizeUrl: (r.authorize_url as string | null) ?? null,
    clientId: (r.client_id as string | null) ?? null,
    clientSecret: (r.client_secret as string | null) ?? null,
    refreshToken: (r.refresh_token as string | null) ?? null,
    accessToken: (r.access_token as string | null) ?? null,
    expiresAt: iso(r.expires_at),
    scope: (r.scope as string | null) ?? null,
    tokenAuth: r.token_auth as ConnectionRecord['tokenAuth'],
    values: (r.values as Record<string, string>) ?? {},
    status: r.status as ConnectionRecord['status'],
    lastRefreshAt: iso(r.last_refresh_at),
    lastError: (r.last_error as string | null) ?? null,
    pendingAuth: (r.pending_auth as ConnectionRecord['pendingAuth']) ?? null,
    createdAt: iso(r.created_at) ?? '',
    updatedAt: iso(r.updated_at) ?? '',
  };
}

export class PgConnections {
  constructor(
    private readonly pool: pg.Pool,
    private readonly cipher: SecretCipher,
  ) {}

  async put(c: ConnectionRecord, db: Queryable = this.pool): Promise<void> {
    const s = sealConnection(c, this.cipher);
    await db.query(
      `INSERT INTO connections (id, kind, preset, token_url, authorize_url, client_id, client_secret, refresh_token, access_token,
         expires_at, scope, token_auth, "values", status, last_refresh_at, last_error, pending_auth, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
       ON CONFLICT (id) DO UPDATE SET kind=$2, preset=$3, token_url=$4, authorize_url=$5, client_id=$6, client_secret=$7,
         refresh_token=$8, access_token=$9, expires_at=$10, scope=$11, token_auth=$12, "values"=$13, status=$14,
         last_refresh_at=$15, last_error=$16, pending_auth=$17, updated_at=$19`,
      [
        s.id,
        s.kind,
        s.preset,
        s.tokenUrl,
        s.authorizeUrl,
        s.clientId,
        s.clientSecret,
        s.refreshToken,
        s.accessToken,
        s.expiresAt,
        s.scope,
        s.tokenAuth,
        JSON.stringify(s.values),
        s.status,
        s.lastRefreshAt,
        s.lastError,
        s.pendingAuth ? JSON.stringify(s.pendingAuth) : null,
        s.createdAt,
        s.updatedAt,
      ],
    );
  }

  async get(id: string, db: Queryable = this.pool, lock = false): Promise<ConnectionRecord | null> {
    const { rows } = await db.query(`SELECT * FROM connections WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ? openConnection(toConnection(rows[0] as Row), this.cipher) : null;
  }

  async list(): Promise<ConnectionRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM connections ORDER BY id');
    return rows.map((r) => openConnection(toConnection(r as Row), this.cipher));
  }

  /**
   * Delete unless an integration names it. The row lock orders this against an integration saved while
   * holding the same lock: whichever commits first, the other sees it (the check is a new statement).
   */
  async delete(id: string): Promise<ConnectionDeletion> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const held = await client.query('SELECT id FROM connections WHERE id = $1 FOR UPDATE', [id]);
      let answer: ConnectionDeletion = { deleted: false, usedBy: [] };
      if (held.rows.length) {
        const users = await client.query(
          `SELECT id FROM integrations WHERE doc->>'connection' = $1 ORDER BY id`,
          [id],
        );
        answer = users.rows.length
          ? { deleted: false, usedBy: users.rows.map((r) => (r as Row).id as string) }
          : { deleted: true, usedBy: [] };
        if (answer.deleted) await client.query('DELETE FROM connections WHERE id = $1', [id]);
      }
      await client.query('COMMIT');
      return answer;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Ids of the connections holding a value not sealed with the current key. */
  async staleIds(): Promise<string[]> {
    const { rows } = await this.pool.query('SELECT * FROM connections');
    return rows
      .map((r) => toConnection(r as Row))
      .filter((c) => needsReseal(c, this.cipher))
      .map((c) => c.id);
  }

  async updateLocked(id: string, change: ConnectionChange): Promise<ConnectionRecord | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const current = await this.get(id, client, true);
      const next = await change(current);
      if (next) await this.put(next, client);
      await client.query('COMMIT');
      return next ?? current;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
