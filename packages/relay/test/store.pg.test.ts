import { afterAll } from 'vitest';
import { PgStore } from '../src/store/pg/pg-store.js';
import type { Store } from '../src/store/types.js';
import { runStoreContract } from './store.contract.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './helpers/pg.js';

const schemas: string[] = [];
const schemaOf = new WeakMap<Store, string>();

async function openAt(schema: string): Promise<PgStore> {
  const store = new PgStore({ databaseUrl: DATABASE_URL, schema, poolSize: 3 });
  await store.init();
  schemaOf.set(store, schema);
  return store;
}

afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

runStoreContract('postgres', {
  open: async () => {
    const schema = uniqueSchema('contract');
    schemas.push(schema);
    return openAt(schema);
  },
  reopen: async (store) => {
    await store.close();
    return openAt(schemaOf.get(store)!);
  },
});
