import { describe } from 'vitest';
import { createTestSchema, TEST_POSTGRES_URL, type TestSchema } from './postgres-schema.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Overrides for startTestServer: a fresh PostgreSQL schema, or nothing (a temp SQLite file). */
  overrides(): Promise<{ databaseUrl?: string }>;
  cleanup(): Promise<void>;
}

/**
 * Runs an HTTP suite on SQLite, and on PostgreSQL too when
 * TALLY_TEST_POSTGRES_URL is set (saying so when it is not).
 */
export function describeEachBackend(name: string, fn: (backend: Backend) => void): void {
  const schemas: TestSchema[] = [];
  const backends: Backend[] = [{ name: 'sqlite', overrides: async () => ({}), cleanup: async () => {} }];
  if (TEST_POSTGRES_URL) {
    backends.push({
      name: 'postgres',
      async overrides() {
        const s = await createTestSchema();
        schemas.push(s);
        return { databaseUrl: s.url };
      },
      async cleanup() {
        for (const s of schemas.splice(0)) await s.drop();
      },
    });
  } else console.warn(`"${name}" runs on SQLite only: TALLY_TEST_POSTGRES_URL is not set`);
  for (const b of backends) describe(`${name} (${b.name})`, () => fn(b));
}
