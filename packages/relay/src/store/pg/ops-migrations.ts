/**
 * Tables of the operations features, kept apart from the main list so branches adding migrations do
 * not collide: versions 100 and up. Rate windows shared by every relay on the database: one row per
 * slot of a key (`limit` rows, each the time of one send) and the pauses destinations asked for.
 */
export const opsMigrations: { version: number; sql: string }[] = [
  {
    version: 100,
    sql: `
CREATE TABLE rate_slots (
  key text NOT NULL,
  slot integer NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (key, slot)
);
CREATE INDEX rate_slots_oldest ON rate_slots (key, at);
CREATE TABLE rate_pauses (
  key text PRIMARY KEY,
  until timestamptz NOT NULL
);
`,
  },
  {
    version: 110,
    // Path tokens and shared-secret headers of sources (issue #12).
    sql: `
ALTER TABLE sources ADD COLUMN IF NOT EXISTS path_token_hash text;
ALTER TABLE sources ADD COLUMN IF NOT EXISTS secret_header text;
`,
  },
];
