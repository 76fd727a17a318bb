/**
 * Connections (SPEC §10): one row per connection. Versions 300 and up, apart from the other
 * features' ranges so that branches do not collide. Secret columns hold sealed text (secrets/cipher.ts).
 */
export const connectionMigrations: { version: number; sql: string }[] = [
  {
    version: 300,
    sql: `
CREATE TABLE connections (
  id text PRIMARY KEY,
  kind text NOT NULL,
  preset text,
  token_url text,
  authorize_url text,
  client_id text,
  client_secret text,
  refresh_token text,
  access_token text,
  expires_at timestamptz,
  scope text,
  token_auth text NOT NULL,
  "values" json NOT NULL,
  status text NOT NULL,
  last_refresh_at timestamptz,
  last_error text,
  pending_auth json,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
`,
  },
];
