import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { tempDbPath } from '../testing/temp-db.js';
import { scanCustomers, scanEvents } from './scan.js';

const db = tempDbPath();
const store = openSqliteStore({ path: db.path });
afterAll(async () => {
  await store.close();
  db.remove();
});

describe('scanning a store', () => {
  it('yields every event once, newest first, even when many share a millisecond across pages', async () => {
    // Timestamps with long runs of ties: 7 at t=10, 1 at 9, 5 at 8, …
    const ts = [10, 10, 10, 10, 10, 10, 10, 9, 8, 8, 8, 8, 8, 7, 3, 3, 2, 1];
    const events = ts.map((t, i) => ({ eventId: `s${i}`, customerId: 'c', eventName: 'n', timestamp: t, metadata: null }));
    await store.events.insert('test_mode', events, 1);
    const all = (await store.events.list('test_mode', { limit: 100, offset: 0 })).map((e) => e.eventId);
    for (const page of [1, 2, 3, 5, 7, 100]) {
      const seen: string[] = [];
      for await (const e of scanEvents(store, 'test_mode', page)) seen.push(e.eventId);
      expect(seen, `page ${page}`).toEqual(all);
    }
    expect(all).toHaveLength(ts.length);
  });

  it('yields every customer once', async () => {
    for (let i = 0; i < 7; i++) {
      await store.customers.create({ id: `cus_${i}`, mode: 'live_mode', externalId: null, name: 'n', email: 'e@x.y', phoneNumber: null, metadata: {}, createdAt: i % 3 });
    }
    const ids: string[] = [];
    for await (const c of scanCustomers(store, 'live_mode', 2)) ids.push(c.id);
    expect(ids.sort()).toEqual(['cus_0', 'cus_1', 'cus_2', 'cus_3', 'cus_4', 'cus_5', 'cus_6']);
  });
});
