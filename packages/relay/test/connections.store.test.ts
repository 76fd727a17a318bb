/**
 * Connections in both stores (SPEC §10): kept across a restart, changed one holder at a time, and
 * encrypted at rest — the stored bytes and rows hold no token, client secret or integration secret
 * in clear; a key rotation (HOOKMAP_SECRET_KEY_PREVIOUS) still reads old values and re-seals on write.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { PgStore } from '../src/store/pg/pg-store.js';
import { SecretCipher, SecretKeyError } from '../src/secrets/cipher.js';
import type { Store } from '../src/store/types.js';
import { connection, newKey, SECRET_FIELDS } from './helpers/connections.js';
import { integration, source } from './helpers/records.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';

const dirs: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  for (const s of schemas) await dropSchema(s);
});

async function allBytes(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out += (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
  }
  return out;
}

interface Harness {
  open(cipher: SecretCipher): Promise<Store>;
  raw(store: Store): Promise<string>;
}

async function embeddedHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'hookmap-conn-'));
  dirs.push(dir);
  return {
    open: async (cipher) => {
      const store = new EmbeddedStore({ dataDir: dir, cipher });
      await store.init();
      return store;
    },
    raw: () => allBytes(dir),
  };
}

function pgHarness(): Harness {
  const schema = uniqueSchema('conn');
  schemas.push(schema);
  return {
    open: async (cipher) => {
      const store = new PgStore({ databaseUrl: DATABASE_URL, schema, poolSize: 3, cipher });
      await store.init();
      return store;
    },
    raw: async () => {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        const tables = ['connections', 'sources', 'integrations'];
        const rows = [];
        for (const t of tables) rows.push(await client.query(`SELECT * FROM ${schema}.${t}`));
        return JSON.stringify(rows.map((r) => r.rows));
      } finally {
        await client.end();
      }
    },
  };
}

for (const [name, make] of [
  ['embedded', embeddedHarness],
  ['postgres', async () => pgHarness()],
] as const) {
  describe(`connections in the ${name} store`, () => {
    it('stores, lists, changes under the lock and deletes connections, across a restart', async () => {
      const h = await make();
      const cipher = new SecretCipher(newKey());
      let store = await h.open(cipher);
      await store.putConnection(connection('hubspot-acme'));
      await store.putConnection(connection('close-acme', { kind: 'static', tokenUrl: null }));
      const changed = await store.updateConnectionLocked(
        'hubspot-acme',
        async (c) => c && { ...c, accessToken: 'new-access', status: 'ok' },
      );
      expect(changed?.accessToken).toBe('new-access');
      expect(await store.updateConnectionLocked('missing', async (c) => c)).toBeNull();
      await store.close();
      store = await h.open(cipher);
      expect((await store.listConnections()).map((c) => c.id)).toEqual(['close-acme', 'hubspot-acme']);
      expect(await store.getConnection('hubspot-acme')).toMatchObject({
        accessToken: 'new-access',
        values: { instance_url: 'https://acme.example.com' },
      });
      // An integration naming it keeps it; the answer names the integration.
      const s = source();
      await store.putSource(s);
      const user = integration(s.id, {
        doc: {
          name: 'close',
          url: 'http://127.0.0.1:9/x',
          connection: 'close-acme',
          body: { mode: 'auto', sections: [] },
        },
      });
      expect(await store.putIntegrationWithConnection('close-gone', user)).toBe(false);
      expect(await store.getIntegration(user.id)).toBeNull();
      expect(await store.putIntegrationWithConnection('close-acme', user)).toBe(true);
      expect(await store.deleteConnection('close-acme')).toEqual({ deleted: false, usedBy: [user.id] });
      expect(await store.getConnection('close-acme')).not.toBeNull();
      await store.deleteIntegration(user.id);
      expect(await store.deleteConnection('close-acme')).toEqual({ deleted: true, usedBy: [] });
      expect(await store.deleteConnection('close-acme')).toEqual({ deleted: false, usedBy: [] });
      expect(await store.getConnection('close-acme')).toBeNull();
      await store.close();
    });

    it('seals at start what was written before the key was set, and what the previous key sealed', async () => {
      const h = await make();
      let store = await h.open(new SecretCipher());
      await store.putConnection(connection('old'));
      const s = { ...source(), secret: 'source-secret-value-abc' };
      await store.putSource(s);
      await store.putIntegration({
        ...integration(s.id),
        secrets: { CRM_TOKEN: 'integration-secret-value-def' },
      });
      expect(await store.resealSecrets()).toBe(0); // no key: nothing to seal with
      await store.close();
      const first = newKey();
      store = await h.open(new SecretCipher(first));
      expect(await store.resealSecrets()).toBe(3);
      expect(await store.resealSecrets()).toBe(0);
      if (name === 'postgres') {
        const raw = await h.raw(store);
        for (const secret of [...SECRET_FIELDS, 'source-secret-value-abc', 'integration-secret-value-def'])
          expect(raw).not.toContain(secret);
      }
      await store.close();
      const second = newKey();
      store = await h.open(new SecretCipher(second, first));
      expect(await store.resealSecrets()).toBe(3);
      await store.close();
      store = await h.open(new SecretCipher(second)); // the previous key is no longer needed
      expect((await store.getConnection('old'))?.accessToken).toBe('access-token-value-789');
      expect((await store.listIntegrations())[0]?.secrets).toEqual({
        CRM_TOKEN: 'integration-secret-value-def',
      });
      await store.close();
    });

    it('keeps tokens, client secrets, source and integration secrets encrypted at rest; a rotated key still reads them', async () => {
      const h = await make();
      const oldKey = newKey();
      let store = await h.open(new SecretCipher(oldKey));
      await store.putConnection(connection('enc'));
      const s = { ...source(), secret: 'source-secret-value-abc' };
      await store.putSource(s);
      await store.putIntegration({
        ...integration(s.id),
        secrets: { CRM_TOKEN: 'integration-secret-value-def' },
      });
      let raw = await h.raw(store);
      for (const secret of [...SECRET_FIELDS, 'source-secret-value-abc', 'integration-secret-value-def'])
        expect(raw).not.toContain(secret);
      expect(raw).toContain('hm1:');
      await store.close();

      // Rotation: the old key as _PREVIOUS opens everything; a write seals under the new key.
      const newOne = newKey();
      store = await h.open(new SecretCipher(newOne, oldKey));
      expect((await store.getConnection('enc'))?.refreshToken).toBe('refresh-token-value-456');
      expect((await store.getSource(s.id))?.secret).toBe('source-secret-value-abc');
      await store.updateConnectionLocked(
        'enc',
        async (c) => c && { ...c, accessToken: 'rotated-access-value' },
      );
      await store.close();
      store = await h.open(new SecretCipher(newOne));
      expect(await store.getConnection('enc')).toMatchObject({
        accessToken: 'rotated-access-value',
        clientSecret: 'client-secret-value-123',
      });
      raw = await h.raw(store);
      expect(raw).not.toContain('rotated-access-value');
      await store.close();

      // Without the key that sealed them, values are refused, never misread.
      store = await h.open(new SecretCipher(newKey()));
      await expect(store.getSource(s.id)).rejects.toThrow(SecretKeyError);
      await store.close();
    });
  });
}

it('a key must be 32 bytes of base64', () => {
  expect(() => new SecretCipher('c2hvcnQ=')).toThrow(/HOOKMAP_SECRET_KEY must be 32 random bytes/);
  expect(() => new SecretCipher(newKey(), 'nope')).toThrow(/HOOKMAP_SECRET_KEY_PREVIOUS/);
  const cipher = new SecretCipher(newKey());
  const sealed = cipher.seal('hello');
  expect(sealed).not.toContain('hello');
  expect(cipher.seal('hello')).not.toBe(sealed); // a fresh IV each time
  expect(cipher.open(sealed)).toBe('hello');
  const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  expect(() => cipher.open(tampered)).toThrow(/integrity/);
});
