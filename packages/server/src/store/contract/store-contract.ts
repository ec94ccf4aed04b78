import type { ValidEvent } from '@tally/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors/domain-error.js';
import { ROLLUP_RULES } from '../../services/rollup-rules.js';
import type { Store } from '../store.js';
import type { Customer } from '../types.js';

export interface StoreHarness {
  /** Opens a store over an empty database. */
  open(): Promise<Store>;
  /** Called once after the suite. */
  teardown?(): Promise<void>;
}

let seq = 0;
const ev = (over: Partial<ValidEvent> = {}): ValidEvent => ({
  eventId: `e${++seq}`,
  customerId: 'cus_1',
  eventName: 'api_call',
  timestamp: 1_700_000_000_000 + seq,
  metadata: { n: seq },
  ...over,
});

const customer = (over: Partial<Customer> = {}): Customer => ({
  id: `cus_${++seq}`,
  mode: 'test_mode',
  externalId: null,
  name: 'Ada',
  email: 'ada@example.com',
  phoneNumber: null,
  metadata: {},
  createdAt: 1_700_000_000_000 + seq,
  ...over,
});

/** The behaviour every storage backend must show; run once per backend. */
export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
      return () => store.close();
    });
    afterAll(async () => harness.teardown?.());

    describe('events', () => {
      it('stores new events and skips event_ids already stored', async () => {
        const a = ev();
        const b = ev();
        expect((await store.events.insert('test_mode', [a, b], 1)).inserted).toEqual([a, b]);
        const c = ev();
        const again = await store.events.insert('test_mode', [a, c, b], 2);
        expect(again.inserted).toEqual([c]);
        expect(await store.events.get('test_mode', a.eventId)).toEqual({ ...a, ingestedAt: 1 });
      });

      it('keeps each mode a separate data space', async () => {
        const a = ev();
        await store.events.insert('test_mode', [a], 1);
        expect(await store.events.get('live_mode', a.eventId)).toBeUndefined();
        expect((await store.events.insert('live_mode', [a], 1)).inserted).toHaveLength(1);
        expect(await store.events.list('live_mode', { limit: 10, offset: 0 })).toHaveLength(1);
      });

      it('round-trips metadata of every value type, and null metadata', async () => {
        const a = ev({ metadata: { s: 'x', n: 1.5, big: 1e21, neg: -3, t: true, f: false, unicode: 'é🙂' } });
        const b = ev({ metadata: null });
        await store.events.insert('test_mode', [a, b], 1);
        expect((await store.events.get('test_mode', a.eventId))?.metadata).toEqual(a.metadata);
        expect((await store.events.get('test_mode', b.eventId))?.metadata).toBeNull();
      });

      it('lists newest first with filters and paging', async () => {
        const base = 1_800_000_000_000;
        const list = [
          ev({ customerId: 'x', eventName: 'a', timestamp: base + 1 }),
          ev({ customerId: 'y', eventName: 'a', timestamp: base + 2 }),
          ev({ customerId: 'x', eventName: 'b', timestamp: base + 3 }),
          ev({ customerId: 'x', eventName: 'a', timestamp: base + 4 }),
        ];
        await store.events.insert('test_mode', list, 1);
        const ids = (q: object) =>
          store.events.list('test_mode', { limit: 10, offset: 0, ...q }).then((r) => r.map((e) => e.eventId));
        const [e1, e2, e3, e4] = list.map((e) => e.eventId);
        expect(await ids({})).toEqual([e4, e3, e2, e1]);
        expect(await ids({ customerId: 'x' })).toEqual([e4, e3, e1]);
        expect(await ids({ eventName: 'a', customerId: 'x' })).toEqual([e4, e1]);
        expect(await ids({ start: base + 2, end: base + 4 })).toEqual([e3, e2]);
        expect(await ids({ limit: 2, offset: 1 })).toEqual([e3, e2]);
        expect(await ids({ customerId: 'nobody' })).toEqual([]);
      });

      it('lists one customer newest first whether its events are folded yet or not', async () => {
        store.useRollupRules?.(ROLLUP_RULES);
        const base = 1_810_000_000_000;
        const at = (t: number, customerId = 'z', eventName = 'a') => ev({ customerId, eventName, timestamp: base + t });
        const folded = [at(10), at(30), at(50, 'other'), at(70, 'z', 'b')];
        await store.events.insert('test_mode', folded, 1);
        // A rollup read folds everything committed (where the store folds after commit).
        await store.analytics.apiCalls({ mode: 'test_mode', eventName: 'a', gran: 'day', start: 0, end: 1 });
        const recent = [at(20), at(60), at(80, 'other'), at(90)];
        await store.events.insert('test_mode', recent, 2);
        const ids = (q: object) =>
          store.events.list('test_mode', { limit: 10, offset: 0, customerId: 'z', ...q }).then((r) => r.map((e) => e.eventId));
        const [f10, f30, , f70] = folded.map((e) => e.eventId);
        const [r20, r60, , r90] = recent.map((e) => e.eventId);
        expect(await ids({})).toEqual([r90, f70, r60, f30, r20, f10]);
        expect(await ids({ limit: 3, offset: 2 })).toEqual([r60, f30, r20]);
        expect(await ids({ eventName: 'a', start: base + 20, end: base + 90 })).toEqual([r60, f30, r20]);
        expect(await ids({ customerId: 'other' })).toHaveLength(2);
        expect(await store.events.list('live_mode', { limit: 10, offset: 0, customerId: 'z' })).toEqual([]);
      });

      it('reports each event as new to exactly one of many concurrent overlapping inserts', async () => {
        const pool = Array.from({ length: 60 }, () => ev());
        const calls = Array.from({ length: 8 }, (_, k) =>
          store.events.insert('test_mode', pool.filter((_, i) => (i + k) % 3 !== 0), 1));
        const results = await Promise.all(calls);
        const claimed = results.flatMap((r) => r.inserted.map((e) => e.eventId));
        expect(claimed.sort()).toEqual(pool.map((e) => e.eventId).sort());
        expect(await store.events.list('test_mode', { limit: 100, offset: 0 })).toHaveLength(60);
      });

      it('inserts a 1000-event batch atomically in one call', async () => {
        const batch = Array.from({ length: 1000 }, () => ev());
        expect((await store.events.insert('test_mode', batch, 1)).inserted).toHaveLength(1000);
        expect(await store.events.list('test_mode', { limit: 100, offset: 900 })).toHaveLength(100);
      });
    });

    describe('customers', () => {
      it('creates, gets, updates and lists customers', async () => {
        const a = await store.customers.create(customer({ name: 'Ada Lovelace', email: 'ada@example.com' }));
        const b = await store.customers.create(customer({ name: 'Grace Hopper', email: 'grace@example.com', metadata: { plan: 'pro' } }));
        expect(await store.customers.get('test_mode', a.id)).toEqual(a);
        expect(await store.customers.get('live_mode', a.id)).toBeUndefined();
        const list = await store.customers.list('test_mode', { limit: 10, offset: 0 });
        expect(list.map((c) => c.id)).toEqual([b.id, a.id]);
        expect((await store.customers.list('test_mode', { email: 'GRACE@example.com', limit: 10, offset: 0 })).map((c) => c.id)).toEqual([b.id]);
        expect((await store.customers.list('test_mode', { name: 'love', limit: 10, offset: 0 })).map((c) => c.id)).toEqual([a.id]);
        const updated = await store.customers.update('test_mode', a.id, { name: 'Ada L.', externalId: 'ext-a' });
        expect(updated).toMatchObject({ name: 'Ada L.', externalId: 'ext-a', email: 'ada@example.com' });
        expect(await store.customers.get('test_mode', a.id)).toEqual(updated);
        expect(await store.customers.update('test_mode', 'cus_missing', { name: 'x' })).toBeUndefined();
      });

      it('keeps external_id unique per mode', async () => {
        await store.customers.create(customer({ externalId: 'ext-1' }));
        await expect(store.customers.create(customer({ externalId: 'ext-1' }))).rejects.toBeInstanceOf(ConflictError);
        await expect(store.customers.create(customer({ externalId: 'ext-1', mode: 'live_mode' }))).resolves.toBeDefined();
      });

      it('finds known IDs by customer_id or external_id', async () => {
        const a = await store.customers.create(customer({ externalId: 'user-42' }));
        const known = await store.customers.findKnown('test_mode', [a.id, 'user-42', 'user-43', 'cus_nope']);
        expect([...known].sort()).toEqual([a.id, 'user-42'].sort());
        expect((await store.customers.findKnown('live_mode', [a.id])).size).toBe(0);
        expect((await store.customers.findKnown('test_mode', [])).size).toBe(0);
      });
    });

    describe('api keys', () => {
      it('finds keys by hash, lists them and revokes without deleting', async () => {
        const key = { id: `key_${++seq}`, mode: 'live_mode' as const, name: 'ci', readOnly: true, prefix: 'tly_live_abcd', createdAt: 5, revokedAt: null };
        await store.keys.create({ ...key, hash: 'h1' });
        expect(await store.keys.findByHash('h1')).toEqual(key);
        expect(await store.keys.findByHash('h2')).toBeUndefined();
        expect(await store.keys.revoke(key.id, 9)).toEqual({ ...key, revokedAt: 9 });
        expect(await store.keys.revoke(key.id, 10)).toEqual({ ...key, revokedAt: 9 });
        expect(await store.keys.findByHash('h1')).toEqual({ ...key, revokedAt: 9 });
        expect(await store.keys.list()).toEqual([{ ...key, revokedAt: 9 }]);
        expect(await store.keys.revoke('key_missing', 1)).toBeUndefined();
      });
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
