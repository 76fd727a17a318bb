/**
 * The rate windows of `rate-window.ts`, shared by every relay process on one database, on the
 * database's clock. A key has `limit` slot rows; taking one updates the oldest slot whose time has
 * left the window (SKIP LOCKED: two processes never take the same slot, nor wait for each other).
 */
import pg from 'pg';
import type { RateLimit } from '../../delivery/rate-limits.js';
import type { RateWindow } from '../../delivery/rate-window.js';

const TAKE = `
WITH p AS (SELECT until FROM rate_pauses WHERE key = $1 AND until > clock_timestamp()),
s AS (SELECT slot, at FROM rate_slots WHERE key = $2 AND NOT EXISTS (SELECT 1 FROM p)
      ORDER BY at LIMIT 1 FOR UPDATE SKIP LOCKED),
u AS (UPDATE rate_slots r SET at = clock_timestamp() FROM s
      WHERE r.key = $2 AND r.slot = s.slot AND s.at <= clock_timestamp() - make_interval(secs => $3::double precision / 1000)
      RETURNING r.slot)
SELECT (SELECT count(*) FROM u)::int AS taken,
       (SELECT extract(epoch FROM until - clock_timestamp()) * 1000 FROM p) AS paused_ms,
       (SELECT extract(epoch FROM at + make_interval(secs => $3::double precision / 1000) - clock_timestamp()) * 1000 FROM s) AS wait_ms`;

/** Every slot is busy with another process's take: look again shortly. */
const CONTENDED_MS = 20;

export class PgRateWindow implements RateWindow {
  private readonly pool: pg.Pool;
  private readonly seeded = new Set<string>();

  constructor(databaseUrl: string, schema: string) {
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 2,
      options: `-c search_path=${schema} -c synchronous_commit=off`,
    });
    this.pool.on('error', () => undefined);
  }

  async take(key: string, rule: RateLimit): Promise<number> {
    const id = `${key}|${rule.limit}/${rule.windowMs}`;
    if (!this.seeded.has(id)) {
      await this.pool.query(
        `INSERT INTO rate_slots (key, slot, at) SELECT $1, g, 'epoch' FROM generate_series(1, $2::int) g ON CONFLICT DO NOTHING`,
        [id, rule.limit],
      );
      this.seeded.add(id);
    }
    const { rows } = await this.pool.query({
      name: 'hookmap_rate_take',
      text: TAKE,
      values: [key, id, rule.windowMs],
    });
    const row = rows[0] as { taken: number; paused_ms: number | null; wait_ms: number | null } | undefined;
    if (row?.paused_ms != null) return Math.max(1, Math.ceil(Number(row.paused_ms)));
    if (row?.taken === 1) return 0;
    return row?.wait_ms != null ? Math.max(1, Math.ceil(Number(row.wait_ms))) : CONTENDED_MS;
  }

  async pause(key: string, ms: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO rate_pauses (key, until) VALUES ($1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
       ON CONFLICT (key) DO UPDATE SET until = GREATEST(rate_pauses.until, EXCLUDED.until)`,
      [key, ms],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
