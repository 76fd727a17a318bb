/** PostgreSQL for tests: 127.0.0.1:5432, database `test`, one throw-away schema per test file. */
import { randomBytes } from 'node:crypto';
import { PgStore } from '../../src/store/pg/pg-store.js';

export const DATABASE_URL =
  process.env.HOOKMAP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function uniqueSchema(tag: string): string {
  return `hookmap_test_${tag}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drop the schema with a short-lived store (its own pool). */
export async function dropSchema(schema: string): Promise<void> {
  const store = new PgStore({ databaseUrl: DATABASE_URL, schema, poolSize: 1 });
  try {
    await store.dropSchema();
  } finally {
    await store.close();
  }
}
