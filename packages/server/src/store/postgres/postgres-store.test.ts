import { afterAll, expect, it } from 'vitest';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import { describeStoreContract } from '../contract/store-contract.js';
import { describeAnalyticsContract } from '../contract/analytics-contract.js';
import { describeMeterContract } from '../contract/meter-contract.js';
import { connectPostgres } from './connect.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { openPostgresStore } from './postgres-store.js';

// A fresh schema per store: every contract test starts from an empty database.
const schemas: TestSchema[] = [];
const fresh = async () => {
  const s = await createTestSchema();
  schemas.push(s);
  return s;
};
afterAll(async () => {
  for (const s of schemas) await s.drop();
});

describePostgres('postgres store', () => {
  describeStoreContract('postgres', {
    async open() {
      return openPostgresStore({ url: (await fresh()).url, poolSize: 3 });
    },
  });

  describeMeterContract('postgres', {
    async open() {
      return openPostgresStore({ url: (await fresh()).url, poolSize: 3 });
    },
  });

  describeAnalyticsContract('postgres', {
    async open() {
      return openPostgresStore({ url: (await fresh()).url, poolSize: 3 });
    },
  });

  it('refuses a database whose schema is newer than this code knows', async () => {
    const { url } = await fresh();
    await (await openPostgresStore({ url, poolSize: 1 })).close();
    const raw = connectPostgres(url, { max: 1 });
    await raw.query('UPDATE schema_version SET version = version + 1');
    await raw.end();
    await expect(openPostgresStore({ url, poolSize: 1 })).rejects.toThrow(/newer than this Tally knows/);
  });

  it('migrates exactly once when several replicas start at the same moment', async () => {
    const { url } = await fresh();
    // Without the advisory lock the losers would fail on CREATE TABLE of existing tables.
    const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStore({ url, poolSize: 1 })));
    const raw = connectPostgres(url, { max: 1 });
    expect(await raw.query('SELECT version FROM schema_version')).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
    await raw.end();
    await Promise.all(stores.map((s) => s.close()));
  });

  it('reports a closed store as unavailable, not as a crash', async () => {
    const s = await openPostgresStore({ url: (await fresh()).url, poolSize: 1 });
    await s.close();
    await expect(s.ping()).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    await expect(s.events.list('test_mode', { limit: 1, offset: 0 })).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('reports an unreachable server as unavailable', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const s = openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/test', poolSize: 1 });
    await expect(s).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
  });
});
