import type { ValidEvent } from '@tally/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, describePostgres, type TestSchema } from '../testing/postgres-schema.js';
import { tempDbPath } from '../testing/temp-db.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

const T0 = Date.parse('2026-02-01T10:00:00.000Z');
const MIN = 60_000;
let n = 0;
const ev = (customerId: string, timestamp: number): ValidEvent =>
  ({ eventId: `e${++n}`, customerId, eventName: 'api_call', timestamp, metadata: null });

/** The same checks on each adapter: the dashboard must not care which one runs. */
function statsSuite(open: () => Promise<Store>): void {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await store.customers.create({ id: 'cus_known', mode: 'test_mode', externalId: 'ext_known', name: 'K', email: 'k@x.io', phoneNumber: null, metadata: {}, createdAt: T0 });
    await store.events.insert('test_mode', [
      ev('cus_known', T0), ev('ext_known', T0 + 10_000), ev('ghost', T0 + 20_000),
      ev('ghost', T0 + 2 * MIN), ev('phantom', T0 + 3 * MIN + 5), ev('ghost', T0 - 2 * 3_600_000),
    ], T0);
    await store.events.insert('live_mode', [ev('live_ghost', T0)], T0);
  });
  afterAll(() => store?.close());

  it('counts events per minute of timestamp inside [since, until), per mode', async () => {
    expect(await store.stats.eventsPerMinute('test_mode', T0, T0 + 4 * MIN)).toEqual([
      { minute: T0, count: 3 }, { minute: T0 + 2 * MIN, count: 1 }, { minute: T0 + 3 * MIN, count: 1 },
    ]);
    expect(await store.stats.eventsPerMinute('test_mode', T0 + MIN, T0 + 3 * MIN)).toEqual([{ minute: T0 + 2 * MIN, count: 1 }]);
    expect(await store.stats.eventsPerMinute('live_mode', T0, T0 + MIN)).toEqual([{ minute: T0, count: 1 }]);
  });

  it('names customer IDs that match no customer_id nor external_id, most events first', async () => {
    expect(await store.stats.unknownCustomers('test_mode', T0 - MIN, 10)).toEqual([
      { customerId: 'ghost', events: 2, lastTs: T0 + 2 * MIN },
      { customerId: 'phantom', events: 1, lastTs: T0 + 3 * MIN + 5 },
    ]);
    expect(await store.stats.unknownCustomers('test_mode', T0 - 3 * 3_600_000, 1)).toEqual([{ customerId: 'ghost', events: 3, lastTs: T0 + 2 * MIN }]);
    expect((await store.stats.unknownCustomers('live_mode', 0, 10)).map((u) => u.customerId)).toEqual(['live_ghost']);
  });
}

describe('stats on SQLite', () => {
  const db = tempDbPath();
  afterAll(() => db.remove());
  statsSuite(async () => openSqliteStore({ path: db.path }));
});

describePostgres('stats on PostgreSQL', () => {
  let schema: TestSchema;
  afterAll(() => schema?.drop());
  statsSuite(async () => {
    schema = await createTestSchema();
    return openPostgresStore({ url: schema.url, poolSize: 2 });
  });
});
