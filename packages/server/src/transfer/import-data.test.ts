import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/config.js';
import { createContext } from '../services/create-context.js';
import type { Store } from '../store/store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { tempDbPath } from '../testing/temp-db.js';
import { importRecords, type ImportOptions } from './import-data.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const event = (id: string, ts: number, over: object = {}) =>
  JSON.stringify({ type: 'event', mode: 'test_mode', event_id: id, customer_id: 'cus_a', event_name: 'api_call', timestamp: iso(ts), metadata: { n: 1 }, ...over });
async function* lines(list: string[]) {
  yield* list;
}

let db: ReturnType<typeof tempDbPath>;
let store: Store;
let opts: ImportOptions;
beforeEach(async () => {
  db = tempDbPath();
  store = openSqliteStore({ path: db.path });
  const ctx = await createContext(DEFAULTS, store);
  opts = { store, ingest: (mode, body) => ctx.events.ingest(mode, body, { backdated: true }), window: DEFAULTS.window, allowBackdated: false, batchSize: 3 };
});
afterEach(async () => {
  await store.close();
  db.remove();
});

describe('importRecords', () => {
  const now = Date.now();
  const file = [
    JSON.stringify({ type: 'tally_export', version: 1, exported_at: iso(now) }),
    JSON.stringify({ type: 'customer', mode: 'test_mode', customer_id: 'cus_a', external_id: 'u1', name: 'A', email: 'a@x.y', phone_number: null, metadata: { k: 'v' }, created_at: iso(now - 400 * DAY) }),
    event('recent1', now - DAY),
    event('old', now - 400 * DAY),
    event('recent2', now - 2 * DAY),
    event('recent1', now - DAY),
    event('future', now + 2 * DAY),
    '{not json',
    event('bad', now, { metadata: { nested: { no: 1 } } }),
    event('recent3', now - 3 * DAY, { mode: 'live_mode' }),
  ];

  it('reports events outside the accepted window instead of dropping them silently, and stores the rest', async () => {
    const r = await importRecords(lines(file), opts);
    expect(r).toMatchObject({ customersCreated: 1, eventsIngested: 3, eventsDuplicate: 1, eventsRejected: 3, eventsOutsideWindow: 2 });
    expect(r.problems).toEqual([
      expect.stringMatching(/^line 4: event "old" not imported: timestamp is older than the accepted window/),
      expect.stringMatching(/^line 7: event "future" not imported: timestamp is more than/),
      'line 8: is not valid JSON',
      expect.stringMatching(/^line 9: event "bad" not imported: metadata/),
    ]);
    expect(await store.events.get('test_mode', 'old')).toBeUndefined();
    expect(await store.events.get('live_mode', 'recent3')).toBeDefined();
    expect(await store.customers.get('test_mode', 'cus_a')).toMatchObject({ externalId: 'u1', metadata: { k: 'v' }, createdAt: now - 400 * DAY });
  });

  it('imports history with allowBackdated, and a second import adds nothing', async () => {
    const first = await importRecords(lines(file), { ...opts, allowBackdated: true });
    expect(first).toMatchObject({ eventsIngested: 5, eventsRejected: 1, eventsOutsideWindow: 0 });
    expect((await store.events.get('test_mode', 'old'))?.timestamp).toBe(now - 400 * DAY);
    const again = await importRecords(lines(file), { ...opts, allowBackdated: true });
    expect(again).toMatchObject({ customersCreated: 0, customersExisting: 1, eventsIngested: 0, eventsDuplicate: 6 });
  });

  it('refuses an export written by a newer format', async () => {
    await expect(importRecords(lines([JSON.stringify({ type: 'tally_export', version: 99 })]), opts)).rejects.toThrow(/newer than this Tally reads/);
  });
});
