import type { AggregationType, Filter, ValidEvent, WindowSize } from '@tally/core';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BackfillRunner } from '../../services/backfill-runner.js';
import { RollupPlanner } from '../../services/rollup-planner.js';
import { ROLLUP_RULES } from '../../services/rollup-rules.js';
import { queryUsage } from '../../services/usage-service.js';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './postgres-store.js';

// Differential: the same random history through PostgreSQL and SQLite must
// answer every usage query identically (SQLite is itself checked against
// core's naive aggregation). Each run names its events, customers and meter
// uniquely, so one PostgreSQL schema serves every run.
const BASE = Date.parse('2024-03-09T00:00:00Z');
const MIN = 60_000;
const value = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(1.5, 0.1, 0.2, 1e-7, 123456789.125, 1e21, '7', '2.50', 'x'), fc.boolean());
const event = fc.record({
  sent: fc.constantFrom('a', 'b', 'ext-b', 'nobody'),
  named: fc.constantFrom(true, true, false),
  // Often the same few minutes, so ties (same bucket, same millisecond) are common.
  minute: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 * 24 * 60 })),
  ms: fc.constantFrom(0, 1, 59_999),
  metadata: fc.option(fc.record({ n: value, model: fc.constantFrom('a', 'b', 'é', '🙂') }, { requiredKeys: [] }), { nil: null }),
});
const filter: fc.Arbitrary<Filter | null> = fc.option(fc.record({
  conjunction: fc.constantFrom('and', 'or'),
  clauses: fc.array(fc.record({
    key: fc.constantFrom('n', 'model'),
    operator: fc.constantFrom('equals', 'not_equals', 'greater_than', 'less_than_or_equals', 'contains'),
    value: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom('a', 'b')),
  }), { minLength: 1, maxLength: 2 }),
}) as fc.Arbitrary<Filter>, { nil: null, freq: 2 });
const meter = fc.record({ type: fc.constantFrom<AggregationType>('count', 'sum', 'max', 'min', 'last', 'avg', 'unique_count'), filter });
const query = fc.record({
  size: fc.constantFrom<WindowSize>('hour', 'day', 'month', 'none', 'minute'),
  zone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Kathmandu'),
  startMin: fc.integer({ min: -600, max: 2 * 24 * 60 }),
  lengthMin: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  some: fc.boolean(),
  grouped: fc.boolean(),
});

describePostgres('rollups on PostgreSQL equal rollups on SQLite', () => {
  let schema: TestSchema;
  let pg: Store;
  let run = 0;
  beforeAll(async () => {
    schema = await createTestSchema();
    pg = await openPostgresStore({ url: schema.url, poolSize: 4 });
  });
  afterAll(async () => {
    await pg?.close();
    await schema?.drop();
  });

  async function history(store: Store, r: number, raw: Array<fc.RecordValue<typeof event extends fc.Arbitrary<infer T> ? T : never>>, splitAt: number, m: { type: AggregationType; filter: Filter | null }) {
    await store.customers.create({ id: `a${r}`, mode: 'test_mode', externalId: null, name: 'a', email: 'a@x.io', phoneNumber: null, metadata: {}, createdAt: 1 });
    await store.customers.create({ id: `b${r}`, mode: 'test_mode', externalId: `ext-b${r}`, name: 'b', email: 'b@x.io', phoneNumber: null, metadata: {}, createdAt: 1 });
    const events: ValidEvent[] = raw.map((e, i) => ({
      eventId: `r${r}e${i}`, customerId: `${e.sent}${r}`, eventName: e.named ? `llm${r}` : `other${r}`,
      timestamp: BASE + e.minute * MIN + e.ms, metadata: e.metadata,
    }));
    const planner = new RollupPlanner(store);
    if (splitAt > 0) await planner.insert('test_mode', events.slice(0, splitAt), 1);
    await store.meters.create({
      id: `mtr_${r}`, mode: 'test_mode', name: 'p', eventName: `llm${r}`,
      aggregation: { type: m.type, key: m.type === 'count' ? null : 'n' },
      measurementUnit: 'u', description: null, filter: m.filter, groupKeys: ['model'], createdAt: 1,
    });
    planner.invalidate('test_mode');
    const backfill = new BackfillRunner(store, 9).start('test_mode', `mtr_${r}`);
    // After the meter: the rest, in small batches, each retrying a few already stored.
    for (let i = splitAt; i < events.length; i += 4) await planner.insert('test_mode', [...events.slice(i, i + 4), ...events.slice(0, 2)], 2);
    await backfill;
  }

  it('for random events, meters, filters, windows and zones', async () => {
    let nonEmpty = 0;
    await fc.assert(fc.asyncProperty(fc.array(event, { minLength: 5, maxLength: 60 }), fc.nat({ max: 40 }), meter, fc.array(query, { minLength: 1, maxLength: 4 }),
      async (raw, split, m, queries) => {
        const r = ++run;
        const lite = openSqliteStore({ path: ':memory:' });
        lite.useRollupRules?.(ROLLUP_RULES); // SQLite folds rollups after commit; PostgreSQL applies the plan in the insert
        try {
          const splitAt = Math.min(split, raw.length);
          await history(lite, r, raw, splitAt, m);
          await history(pg, r, raw, splitAt, m);
          for (const q of queries) {
            const start = BASE + q.startMin * MIN;
            const usage = (s: Store) => s.meters.get('test_mode', `mtr_${r}`).then((mt) => queryUsage(s, 'test_mode', mt!, {
              start, end: start + (q.size === 'minute' ? Math.min(q.lengthMin, 300) : q.lengthMin) * MIN, windowSize: q.size, timeZone: q.zone,
              customerIds: q.some ? [`b${r}`, 'none'] : undefined, groupBy: q.grouped ? 'model' : undefined,
            }));
            const want = await usage(lite);
            expect(await usage(pg)).toEqual(want);
            if (want.length > 0) nonEmpty++;
          }
          expect((await pg.meters.get('test_mode', `mtr_${r}`))?.backfill).toEqual((await lite.meters.get('test_mode', `mtr_${r}`))?.backfill);
        } finally {
          await lite.close();
        }
      }), { numRuns: 40 });
    expect(nonEmpty).toBeGreaterThan(10);
  }, 300_000);
});
