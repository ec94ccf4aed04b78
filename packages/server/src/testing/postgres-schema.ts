import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { connectPostgres } from '../store/postgres/connect.js';

/** The PostgreSQL tests run against, when there is one (CI sets it). */
export const TEST_POSTGRES_URL = process.env.TALLY_TEST_POSTGRES_URL || undefined;

/** describe() when TALLY_TEST_POSTGRES_URL is set; otherwise describe.skip, saying why. */
export function describePostgres(name: string, fn: () => void): void {
  if (TEST_POSTGRES_URL) {
    describe(name, fn);
    return;
  }
  console.warn(`skipping "${name}": TALLY_TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)`);
  describe.skip(name, fn);
}

/** The same database URL with its connections confined to one schema. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('search_path', schema);
  return u.toString();
}

export interface TestSchema {
  schema: string;
  /** A URL whose connections see only this schema. */
  url: string;
  drop(): Promise<void>;
}

const DAY = 86_400_000;

/**
 * A fresh, empty schema for one test file (or one test), so parallel test
 * files and other people's runs on the same database never see each other.
 * Schemas left behind by killed runs more than a day ago are dropped.
 */
export async function createTestSchema(base = TEST_POSTGRES_URL, opts: { durable?: boolean } = {}): Promise<TestSchema> {
  if (!base) throw new Error('TALLY_TEST_POSTGRES_URL is not set');
  const schema = `tally_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = connectPostgres(base, { max: 1 });
  try {
    const stale = await admin.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tally\\_test\\_%'");
    for (const { nspname } of stale) {
      const born = parseInt(nspname.split('_')[2] ?? '', 36);
      if (born < Date.now() - DAY) await admin.script(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
    await admin.script(`CREATE SCHEMA "${schema}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(withSearchPath(base, schema));
  // Tests do not survive power loss anyway: skipping the commit fsync keeps them
  // fast and spares the shared machine's disk. Benchmarks ask for durable commits.
  if (!opts.durable) url.searchParams.set('synchronous_commit', 'off');
  return {
    schema,
    url: url.toString(),
    async drop() {
      const a = connectPostgres(base, { max: 1 });
      try {
        await a.script(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await a.end();
      }
    },
  };
}
