import type { AggregationType, ValidEvent } from '@tally/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RollupPlanner } from '../../services/rollup-planner.js';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import type { Store } from '../store.js';
import { StalePlanError } from '../stale-plan-error.js';
import { openPostgresStore } from './postgres-store.js';

const T = Date.parse('2026-01-01T00:00:00Z');
let n = 0;
const ev = (eventId: string, value: number | string, ts = T): ValidEvent => ({ eventId, customerId: 'cus_1', eventName: `e${n}`, timestamp: ts, metadata: { v: value } });

describePostgres('postgres rollups', () => {
  let schema: TestSchema;
  let store: Store;
  let planner: RollupPlanner;
  beforeAll(async () => {
    schema = await createTestSchema();
    store = await openPostgresStore({ url: schema.url, poolSize: 8 });
    planner = new RollupPlanner(store);
    await store.customers.create({ id: 'cus_1', mode: 'test_mode', externalId: null, name: 'c', email: 'c@x.io', phoneNumber: null, metadata: {}, createdAt: 1 });
  });
  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  async function meterOf(type: AggregationType) {
    const id = `mtr_${type}_${++n}`;
    await store.meters.create({ id, mode: 'test_mode', name: id, eventName: `e${n}`, aggregation: { type, key: 'v' }, measurementUnit: 'u', description: null, filter: null, groupKeys: [], createdAt: 1 });
    planner.invalidate('test_mode');
    return id;
  }
  const cell = async (meterId: string) =>
    (await store.rollups.cells({ mode: 'test_mode', meterId, gran: 'day', start: T, end: T + 86_400_000 }))[0]?.cell;

  it('adds exact decimals across separate transactions, in NUMERIC', async () => {
    const m = await meterOf('sum');
    for (const [i, v] of [0.1, 0.2, 1e21, '2.5', 0.25, 0.45].entries()) await planner.insert('test_mode', [ev(`s${n}_${i}`, v)], 1);
    // '2.5' is a string, so it does not count; NUMERIC would print 1.00 where core writes 1.
    expect((await cell(m))?.sum).toBe('1000000000000000000001');
  });

  it('keeps min and max across transactions', async () => {
    const lo = await meterOf('min');
    for (const [i, v] of [5, -1.25, 3].entries()) await planner.insert('test_mode', [ev(`mn${n}_${i}`, v)], 1);
    expect((await cell(lo))?.min).toBe('-1.25');
    const hi = await meterOf('max');
    for (const [i, v] of [5, 12.5, 3].entries()) await planner.insert('test_mode', [ev(`mx${n}_${i}`, v)], 1);
    expect((await cell(hi))?.max).toBe('12.5');
  });

  it('breaks last ties on the same millisecond by the greater event_id in code point order, across transactions', async () => {
    // U+1F600 is above U+E000 by code point (and UTF-8 bytes), below it in UTF-16 units.
    // Read after each insert: deltas then meet in the upsert, not only within one fold.
    const m = await meterOf('last');
    await planner.insert('test_mode', [ev('\u{1F600}', 1)], 1);
    await cell(m);
    await planner.insert('test_mode', [ev('\uE000', 2)], 1);
    await cell(m);
    await planner.insert('test_mode', [ev('a', 3, T - 1)], 1);
    expect(await cell(m)).toMatchObject({ last_value: '1', last_event_id: '\u{1F600}', last_ts: T });
    const m2 = await meterOf('last');
    for (const [id, v] of [['x-b', 1], ['x-c', 2], ['x-a', 3]] as const) {
      await planner.insert('test_mode', [ev(id, v)], 1);
      await cell(m2);
    }
    expect((await cell(m2))?.last_value).toBe('2');
    // And within one fold: all three pending at once.
    const m3 = await meterOf('last');
    for (const [id, v] of [['y-b', 1], ['y-c', 2], ['y-a', 3]] as const) await planner.insert('test_mode', [ev(id, v)], 1);
    expect((await cell(m3))?.last_value).toBe('2');
  });

  it('counts exactly under many concurrent transactions hitting the same rollup rows', async () => {
    const m = await meterOf('sum');
    const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 25 }, (_, i) => ev(`c${n}_${b}_${i}`, 0.1, T + (i % 3))));
    // Every batch is sent twice, concurrently: duplicates must count once.
    await Promise.all([...batches, ...batches].map((b) => new RollupPlanner(store).insert('test_mode', b, 1)));
    expect(await cell(m)).toMatchObject({ count: 1000, sum: '100' });
  });

  it('fails only the request with a stale plan when concurrent requests share a transaction', async () => {
    const m = await meterOf('count');
    const good = await planner.plan('test_mode');
    const stale = { ...good, version: good.version - 1 };
    const sent = Array.from({ length: 12 }, (_, i) => store.events.insert('test_mode', [ev(`g${n}_${i}`, 1)], 1, i === 5 ? stale : good));
    const settled = await Promise.allSettled(sent);
    expect(settled.map((s) => s.status)).toEqual(settled.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    expect((settled[5] as PromiseRejectedResult).reason).toBeInstanceOf(StalePlanError);
    expect(await store.events.get('test_mode', `g${n}_5`)).toBeUndefined();
    expect((await cell(m))?.count).toBe(11);
  });
});
