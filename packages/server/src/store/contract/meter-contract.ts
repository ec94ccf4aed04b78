import { cellValue, emptyCell, mergeCells, uniqueKey, type RollupCell, type ValidEvent } from '@tally/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { deltasFor, deltasForMeter } from '../../services/meter-deltas.js';
import { ROLLUP_RULES } from '../../services/rollup-rules.js';
import type { Granularity, Meter, NewMeter, RollupPlan, RollupQuery } from '../meter-types.js';
import { StalePlanError } from '../stale-plan-error.js';
import type { Store } from '../store.js';
import type { Customer, Mode } from '../types.js';
import type { StoreHarness } from './store-contract.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
let seq = 0;

const newMeter = (over: Partial<NewMeter> = {}): NewMeter => ({
  id: `mtr_c${++seq}`,
  mode: 'test_mode',
  name: 'Tokens',
  eventName: 'llm',
  aggregation: { type: 'sum', key: 'tokens' },
  measurementUnit: 'tokens',
  description: null,
  filter: null,
  groupKeys: [],
  createdAt: T0 + seq,
  ...over,
});

const ev = (over: Partial<ValidEvent> = {}): ValidEvent => ({
  eventId: `mev${++seq}`,
  customerId: 'cus_a',
  eventName: 'llm',
  timestamp: T0,
  metadata: { tokens: 1 },
  ...over,
});

const customer = (id: string, over: Partial<Customer> = {}): Customer => ({
  id, mode: 'test_mode', externalId: null, name: 'C', email: 'c@example.com', phoneNumber: null, metadata: {}, createdAt: T0, ...over,
});

/** The plan the services would build: deltas for the mode's active meters. */
async function planFor(store: Store, mode: Mode = 'test_mode'): Promise<RollupPlan> {
  const { version, meters } = await store.meters.active(mode);
  return { version, deltas: (events) => deltasFor(meters, events) };
}

async function insert(store: Store, events: ValidEvent[], mode: Mode = 'test_mode') {
  return store.events.insert(mode, events, T0, await planFor(store, mode));
}

async function backfill(store: Store, meter: Meter, chunk = 2): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    const { done } = await store.rollups.backfillChunk(meter.mode, meter.id, (events) => [deltasForMeter(meter, events)], chunk);
    if (done) return;
  }
  throw new Error('backfill never finished');
}

/** Rollup cells merged per customer, bucket and group, as "customer|bucket|group" → cell. */
async function cells(store: Store, q: Partial<RollupQuery> & { meterId: string; gran: Granularity }): Promise<Map<string, RollupCell>> {
  const rows = await store.rollups.cells({ mode: 'test_mode', start: T0 - DAY, end: T0 + 2 * DAY, ...q });
  const out = new Map<string, RollupCell>();
  for (const r of rows) {
    const k = `${r.customerId}|${r.bucket}|${r.group}`;
    out.set(k, mergeCells(out.get(k) ?? emptyCell(), r.cell));
  }
  return out;
}

const values = (type: Parameters<typeof cellValue>[0], m: Map<string, RollupCell>) =>
  Object.fromEntries([...m].map(([k, c]) => [k, cellValue(type, c)]));

/** Meters, plans and rollups: run once per backend beside the store contract. */
export function describeMeterContract(name: string, harness: StoreHarness): void {
  describe(`meter contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
      // A store that folds rollups after commit takes the rules here; others apply the plans below.
      store.useRollupRules?.(ROLLUP_RULES);
      return () => store.close();
    });
    afterAll(async () => harness.teardown?.());

    describe('meters', () => {
      it('creates and gets a meter, one mode at a time', async () => {
        const input = newMeter({
          description: 'd', groupKeys: ['model'],
          filter: { conjunction: 'and', clauses: [{ key: 'model', operator: 'equals', value: 'gpt' }] },
        });
        const m = await store.meters.create(input);
        expect(m).toMatchObject({ ...input, archived: false, updatedAt: input.createdAt });
        expect(await store.meters.get('test_mode', m.id)).toEqual(m);
        expect(await store.meters.get('live_mode', m.id)).toBeUndefined();
        expect(await store.meters.get('test_mode', 'mtr_nope')).toBeUndefined();
      });

      it('lists newest first, archived apart, with paging', async () => {
        const [a, b, c] = [newMeter({ createdAt: T0 + 1 }), newMeter({ createdAt: T0 + 2 }), newMeter({ createdAt: T0 + 3 })];
        for (const m of [a, b, c]) await store.meters.create(m);
        await store.meters.create(newMeter({ mode: 'live_mode' }));
        expect((await store.meters.list('test_mode', { archived: false, limit: 10, offset: 0 })).map((m) => m.id)).toEqual([c.id, b.id, a.id]);
        expect((await store.meters.list('test_mode', { archived: false, limit: 1, offset: 1 })).map((m) => m.id)).toEqual([b.id]);
        await store.meters.setArchived('test_mode', b.id, true, T0 + 10);
        expect((await store.meters.list('test_mode', { archived: false, limit: 10, offset: 0 })).map((m) => m.id)).toEqual([c.id, a.id]);
        expect((await store.meters.list('test_mode', { archived: true, limit: 10, offset: 0 })).map((m) => m.id)).toEqual([b.id]);
      });

      it('archives and unarchives, bumping the meter-set version; active() leaves archived meters out', async () => {
        const v0 = (await store.meters.active('test_mode')).version;
        const m = await store.meters.create(newMeter());
        const v1 = (await store.meters.active('test_mode')).version;
        expect(v1).not.toBe(v0);
        expect((await store.meters.active('test_mode')).meters.map((x) => x.id)).toEqual([m.id]);
        const archived = await store.meters.setArchived('test_mode', m.id, true, T0 + 5);
        expect(archived).toMatchObject({ id: m.id, archived: true, updatedAt: T0 + 5 });
        const v2 = (await store.meters.active('test_mode')).version;
        expect(v2).not.toBe(v1);
        expect((await store.meters.active('test_mode')).meters).toEqual([]);
        expect(await store.meters.setArchived('test_mode', 'mtr_nope', true, T0)).toBeUndefined();
        expect(await store.meters.setArchived('live_mode', m.id, false, T0)).toBeUndefined();
        const back = await store.meters.setArchived('test_mode', m.id, false, T0 + 6);
        expect(back).toMatchObject({ archived: false, updatedAt: T0 + 6 });
        expect((await store.meters.active('test_mode')).version).not.toBe(v2);
        expect((await store.meters.active('test_mode')).meters.map((x) => x.id)).toEqual([m.id]);
      });

      it('never lets an event fall between a plan and a meter created after it', async () => {
        await store.customers.create(customer('cus_a'));
        const stale = await planFor(store);
        const m = await store.meters.create(newMeter({ aggregation: { type: 'count', key: null } }));
        const e = ev();
        if (store.useRollupRules) {
          // Folding stores ignore plans: the event is folded for the new meter.
          await store.events.insert('test_mode', [e], T0, stale);
          expect(values('count', await cells(store, { meterId: m.id, gran: 'day' }))).toEqual({ [`cus_a|${Date.UTC(2026, 0, 5)}|null`]: '1' });
        } else {
          // Plan-applying stores refuse the stale plan and store nothing.
          await expect(store.events.insert('test_mode', [e], T0, stale)).rejects.toBeInstanceOf(StalePlanError);
          expect(await store.events.get('test_mode', e.eventId)).toBeUndefined();
        }
      });
    });

    describe('plans', () => {
      it('creates, gets and lists plans newest first, one mode at a time', async () => {
        const p1 = {
          id: 'pln_1', mode: 'test_mode' as const, name: 'P1', currency: 'USD', billingInterval: { unit: 'month' as const, count: 1 },
          components: [{ meterId: 'mtr_x', pricePerUnit: '0.0025', freeThreshold: '1000' }, { meterId: 'mtr_y', pricePerUnit: '1', freeThreshold: '0.5' }],
          createdAt: T0,
        };
        const p2 = { ...p1, id: 'pln_2', name: 'P2', currency: 'JPY', billingInterval: { unit: 'week' as const, count: 2 }, components: [], createdAt: T0 + 1 };
        expect(await store.plans.createPlan(p1)).toEqual(p1);
        await store.plans.createPlan(p2);
        expect(await store.plans.getPlan('test_mode', 'pln_1')).toEqual(p1);
        expect(await store.plans.getPlan('live_mode', 'pln_1')).toBeUndefined();
        expect((await store.plans.listPlans('test_mode', { limit: 10, offset: 0 })).map((p) => p.id)).toEqual(['pln_2', 'pln_1']);
        expect((await store.plans.listPlans('test_mode', { limit: 1, offset: 1 })).map((p) => p.id)).toEqual(['pln_1']);
        expect(await store.plans.listPlans('live_mode', { limit: 10, offset: 0 })).toEqual([]);
      });

      it("keeps a customer's subscriptions, oldest first", async () => {
        await store.plans.createPlan({ id: 'pln_s', mode: 'test_mode', name: 'S', currency: 'USD', billingInterval: { unit: 'month', count: 1 }, components: [], createdAt: T0 });
        const s = (id: string, customerId: string, createdAt: number) => ({ id, mode: 'test_mode' as const, customerId, planId: 'pln_s', billingAnchor: T0, createdAt });
        await store.plans.createSubscription(s('sub_2', 'cus_1', T0 + 2));
        await store.plans.createSubscription(s('sub_1', 'cus_1', T0 + 1));
        await store.plans.createSubscription(s('sub_3', 'cus_2', T0 + 3));
        expect(await store.plans.subscriptionsOf('test_mode', 'cus_1')).toEqual([s('sub_1', 'cus_1', T0 + 1), s('sub_2', 'cus_1', T0 + 2)]);
        expect(await store.plans.subscriptionsOf('live_mode', 'cus_1')).toEqual([]);
      });
    });

    describe('rollups', () => {
      it('keeps sums per minute, hour and day bucket and customer, for known customers only', async () => {
        await store.customers.create(customer('cus_a'));
        await store.customers.create(customer('cus_b'));
        const m = await store.meters.create(newMeter());
        await insert(store, [
          ev({ timestamp: T0, metadata: { tokens: 0.1 } }),
          ev({ timestamp: T0 + 30_000, metadata: { tokens: 0.2 } }),
          ev({ timestamp: T0 + 5 * MIN, metadata: { tokens: 3 } }),
          ev({ timestamp: T0 + HOUR, metadata: { tokens: 4 } }),
          ev({ customerId: 'cus_b', timestamp: T0, metadata: { tokens: 10 } }),
          ev({ customerId: 'nobody', timestamp: T0, metadata: { tokens: 100 } }),
          ev({ eventName: 'other', timestamp: T0, metadata: { tokens: 1000 } }),
          ev({ timestamp: T0, metadata: { tokens: 'x' } }),
        ]);
        const day = Date.UTC(2026, 0, 5);
        expect(values('sum', await cells(store, { meterId: m.id, gran: 'minute' }))).toEqual({
          [`cus_a|${T0}|null`]: '0.3', [`cus_a|${T0 + 5 * MIN}|null`]: '3', [`cus_a|${T0 + HOUR}|null`]: '4', [`cus_b|${T0}|null`]: '10',
        });
        expect(values('sum', await cells(store, { meterId: m.id, gran: 'hour' }))).toEqual({
          [`cus_a|${T0}|null`]: '3.3', [`cus_a|${T0 + HOUR}|null`]: '4', [`cus_b|${T0}|null`]: '10',
        });
        expect(values('sum', await cells(store, { meterId: m.id, gran: 'day' }))).toEqual({ [`cus_a|${day}|null`]: '7.3', [`cus_b|${day}|null`]: '10' });
        expect(values('count', await cells(store, { meterId: m.id, gran: 'day', customerIds: ['cus_b'] }))).toEqual({ [`cus_b|${day}|null`]: '1' });
        // [start, end) in bucket starts.
        expect([...(await cells(store, { meterId: m.id, gran: 'minute', start: T0 + MIN, end: T0 + HOUR })).keys()]).toEqual([`cus_a|${T0 + 5 * MIN}|null`]);
        expect(await store.rollups.cells({ mode: 'live_mode', meterId: m.id, gran: 'day', start: 0, end: T0 + DAY })).toEqual([]);
      });

      it('adopts the events of a customer created later, by customer_id and by external_id, never counting retries twice', async () => {
        const m = await store.meters.create(newMeter({ aggregation: { type: 'count', key: null } }));
        const retried = ev({ customerId: 'ext-late' });
        await insert(store, [retried, ev({ customerId: 'cus_late' }), ev({ customerId: 'ext-late' })]);
        expect(await cells(store, { meterId: m.id, gran: 'day' })).toEqual(new Map());
        await store.customers.create(customer('cus_late', { externalId: 'ext-late' }));
        await insert(store, [retried, ev({ customerId: 'cus_late' })]);
        const day = Date.UTC(2026, 0, 5);
        expect(values('count', await cells(store, { meterId: m.id, gran: 'day' }))).toEqual({ [`cus_late|${day}|null`]: '4' });
        expect(values('count', await cells(store, { meterId: m.id, gran: 'day', customerIds: ['cus_late'] }))).toEqual({ [`cus_late|${day}|null`]: '4' });
      });

      it('keeps max, min and last (latest timestamp, then greatest event_id)', async () => {
        await store.customers.create(customer('cus_a'));
        const types = ['sum', 'max', 'min', 'last'] as const;
        const meters = [];
        for (const type of types) meters.push(await store.meters.create(newMeter({ aggregation: { type, key: 'tokens' } })));
        await insert(store, [ev({ eventId: 'zb', timestamp: T0 + 10, metadata: { tokens: 3 } }), ev({ eventId: 'a', timestamp: T0, metadata: { tokens: -7 } })]);
        await insert(store, [ev({ eventId: 'za', timestamp: T0 + 10, metadata: { tokens: 4 } }), ev({ eventId: 'b', timestamp: T0 + 5, metadata: { tokens: 9.5 } })]);
        const got: string[] = [];
        for (const [i, type] of types.entries()) {
          const all = [...(await cells(store, { meterId: meters[i]!.id, gran: 'minute' })).values()];
          expect(all).toHaveLength(1);
          expect(all[0]!.count).toBe(4);
          got.push(`${type}=${cellValue(type, all[0]!)}`);
        }
        expect(got).toEqual(['sum=9.5', 'max=9.5', 'min=-7', 'last=3']);
      });

      it('keeps distinct values for unique_count, and rows per declared group key', async () => {
        await store.customers.create(customer('cus_a'));
        const u = await store.meters.create(newMeter({ aggregation: { type: 'unique_count', key: 'user' }, groupKeys: ['model'] }));
        await insert(store, [
          ev({ metadata: { user: 'x', model: 'a' } }), ev({ metadata: { user: 'x', model: 'b' } }),
          ev({ metadata: { user: 1, model: 'a' } }), ev({ metadata: { user: '1' } }),
        ]);
        const rows = await store.rollups.uniques({ mode: 'test_mode', meterId: u.id, gran: 'day', start: T0 - DAY, end: T0 + DAY });
        expect(new Set(rows.map((r) => r.value))).toEqual(new Set([uniqueKey('x'), uniqueKey(1), uniqueKey('1')]));
        const grouped = await store.rollups.uniques({ mode: 'test_mode', meterId: u.id, gran: 'day', start: T0 - DAY, end: T0 + DAY, groupKey: 'model' });
        const byGroup = new Map<string | null, Set<string>>();
        for (const r of grouped) byGroup.set(r.group, (byGroup.get(r.group) ?? new Set()).add(r.value));
        expect(byGroup).toEqual(new Map([
          ['"a"', new Set([uniqueKey('x'), uniqueKey(1)])], ['"b"', new Set([uniqueKey('x')])], ['null', new Set([uniqueKey('1')])],
        ]));
      });

      it('packs the same rows per customer and group (cellSeries, uniqueSeries) over several ranges, filtered by customer_id or external_id', async () => {
        await store.customers.create(customer('cus_a', { externalId: 'ext-a' }));
        await store.customers.create(customer('cus_b'));
        const types = ['count', 'sum', 'avg', 'min', 'max', 'last', 'unique_count'] as const;
        const meters: Meter[] = [];
        for (const type of types) {
          meters.push(await store.meters.create(newMeter({ aggregation: { type, key: type === 'count' ? null : 'tokens' }, groupKeys: ['model'] })));
        }
        const day = Date.UTC(2026, 0, 5);
        await insert(store, [
          ev({ timestamp: T0, metadata: { tokens: 1.5, model: 'x' } }),
          ev({ customerId: 'ext-a', timestamp: T0 + 20_000, metadata: { tokens: -2, model: 'y' } }),
          ev({ customerId: 'ext-a', timestamp: T0 + 2 * HOUR, metadata: { tokens: 7 } }),
          ev({ customerId: 'cus_b', timestamp: day + DAY + HOUR, metadata: { tokens: 3, model: 'x' } }),
          ev({ customerId: 'nobody', timestamp: T0, metadata: { tokens: 100 } }),
        ]);
        const ranges = [
          { gran: 'minute', start: T0 - HOUR, end: T0 + HOUR }, { gran: 'hour', start: T0 + HOUR, end: day + DAY }, { gran: 'day', start: day + DAY, end: day + 3 * DAY },
        ] as const;
        const packed = async (type: (typeof types)[number], meterId: string, q: Partial<RollupQuery>): Promise<Map<string, RollupCell> | Set<string>> => {
          const sq = { mode: 'test_mode' as const, meterId, ranges, ...q };
          if (type === 'unique_count') {
            const keys = new Set<string>();
            for (const s of await store.rollups.uniqueSeries(sq)) s.columns.bucket.forEach((b, i) => keys.add(`${s.customerId}|${b}|${s.group}|${s.columns.value[i]}`));
            return keys;
          }
          const out = new Map<string, RollupCell>();
          for (const { customerId, group, columns: c } of await store.rollups.cellSeries(sq)) {
            c.bucket.forEach((b, i) => {
              const cell: RollupCell = {
                count: c.count?.[i] ?? 0, sum: c.sum?.[i] ?? '0', min: c.min?.[i] ?? null, max: c.max?.[i] ?? null,
                last_ts: c.last_ts?.[i] ?? null, last_event_id: c.last_event_id?.[i] ?? null, last_value: c.last_value?.[i] ?? null,
              };
              const k = `${customerId}|${b}|${group}`;
              out.set(k, mergeCells(out.get(k) ?? emptyCell(), cell));
            });
          }
          return out;
        };
        const unpacked = async (type: (typeof types)[number], meterId: string, q: Partial<RollupQuery>): Promise<Map<string, RollupCell> | Set<string>> => {
          if (type === 'unique_count') {
            const keys = new Set<string>();
            for (const r of ranges) {
              for (const u of await store.rollups.uniques({ mode: 'test_mode', meterId, ...r, ...q })) keys.add(`${u.customerId}|${u.bucket}|${u.group}|${u.value}`);
            }
            return keys;
          }
          const out = new Map<string, RollupCell>();
          for (const r of ranges) for (const [k, c] of await cells(store, { meterId, ...r, ...q })) out.set(k, c);
          return out;
        };
        for (const [i, type] of types.entries()) {
          for (const q of [{}, { groupKey: 'model' }, { customerIds: ['ext-a'] }, { customerIds: ['cus_b', 'cus_a', 'ext-a'], groupKey: 'model' }]) {
            const [got, want] = [await packed(type, meters[i]!.id, q), await unpacked(type, meters[i]!.id, q)];
            const label = `${type} ${JSON.stringify(q)}`;
            if (got instanceof Set || want instanceof Set) expect(got, label).toEqual(want);
            else expect(values(type as 'count', got), label).toEqual(values(type as 'count', want));
          }
        }
        expect(values('sum', await packed('sum', meters[1]!.id, {}) as Map<string, RollupCell>)).toEqual({
          [`cus_a|${T0}|null`]: '-0.5', [`cus_a|${T0 + 2 * HOUR}|null`]: '7', [`cus_b|${day + DAY}|null`]: '3',
        });
        expect([...(await packed('sum', meters[1]!.id, { customerIds: ['ext-a'], groupKey: 'model' }) as Map<string, RollupCell>).keys()].sort()).toEqual([
          `cus_a|${T0}|"x"`, `cus_a|${T0}|"y"`, `cus_a|${T0 + 2 * HOUR}|null`,
        ]);
        expect(await store.rollups.cellSeries({ mode: 'live_mode', meterId: meters[1]!.id, ranges })).toEqual([]);
      });

      it('backfills events stored before the meter, in chunks, then counts new events once', async () => {
        await store.customers.create(customer('cus_a'));
        await store.events.insert('test_mode', Array.from({ length: 7 }, (_, i) => ev({ metadata: { tokens: i + 1 } })), T0);
        const m = await store.meters.create(newMeter());
        expect(m.backfill.status).toBe('running');
        expect((await store.meters.unfinishedBackfills()).map((x) => x.id)).toContain(m.id);
        await insert(store, [ev({ metadata: { tokens: 100 } })]); // after creation: ingest's, not the backfill's
        await backfill(store, m);
        const after = await store.meters.get('test_mode', m.id);
        expect(after?.backfill).toEqual({ status: 'complete', processedEvents: 7, totalEvents: 7 });
        expect((await store.meters.unfinishedBackfills()).map((x) => x.id)).not.toContain(m.id);
        expect(values('sum', await cells(store, { meterId: m.id, gran: 'day' }))).toEqual({ [`cus_a|${Date.UTC(2026, 0, 5)}|null`]: '128' });
      });
    });
  });
}
