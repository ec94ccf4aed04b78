import { aggregateNaive, windowsFor, type Filter, type MeterDefinition, type ValidEvent, type WindowSize } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { BackfillRunner } from './backfill-runner.js';
import { RollupPlanner } from './rollup-planner.js';
import { ROLLUP_RULES } from './rollup-rules.js';
import { queryUsage } from './usage-service.js';

// Rollup answers, through the real SQLite store, against core's naive
// recomputation from raw events: random events, meters, filters, windows, zones.

const BASE = Date.parse('2024-03-09T00:00:00Z'); // spans New York's and (not) London's DST change
const MIN = 60_000;
const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/London'];
const SENT_IDS = ['cus_a', 'cus_b', 'ext-b', 'nobody'];
const RESOLVE: Record<string, string | undefined> = { cus_a: 'cus_a', cus_b: 'cus_b', 'ext-b': 'cus_b' };

const metaValue = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(1.5, 0.1, 0.2, 1e-7, '7', 'x'), fc.boolean());
const metadata = fc.option(fc.record({ n: metaValue, model: fc.constantFrom('a', 'b', 'c'), k: metaValue }, { requiredKeys: [] }), { nil: null });
const event = fc.record({
  customerId: fc.constantFrom(...SENT_IDS),
  eventName: fc.constantFrom('llm', 'llm', 'LLM'),
  timestamp: fc.integer({ min: 0, max: 2 * 24 * 60 }).chain((m) => fc.integer({ min: 0, max: MIN - 1 }).map((s) => BASE + m * MIN + s)),
  metadata,
});
const condition = fc.record({
  key: fc.constantFrom('n', 'model', 'k'),
  operator: fc.constantFrom('equals', 'not_equals', 'greater_than', 'greater_than_or_equals', 'less_than', 'less_than_or_equals', 'contains', 'does_not_contain'),
  value: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom('a', 'b', 'x')),
});
const filter: fc.Arbitrary<Filter | null> = fc.option(fc.oneof(
  fc.record({ conjunction: fc.constantFrom('and', 'or'), clauses: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    conjunction: fc.constantFrom('and', 'or'),
    clauses: fc.array(fc.record({ conjunction: fc.constantFrom('and', 'or'), clauses: fc.array(condition, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
  }),
) as fc.Arbitrary<Filter>, { nil: null, freq: 2 });
const meter = fc.record({
  type: fc.constantFrom('count', 'sum', 'max', 'min', 'last', 'avg', 'unique_count'),
  key: fc.constantFrom('n', 'n', 'n', 'k', 'model'),
  filter,
});
const query = fc.record({
  size: fc.constantFrom<WindowSize>('hour', 'day', 'week', 'month', 'none', 'minute'),
  zone: fc.constantFrom(...ZONES),
  startMin: fc.integer({ min: -24 * 60, max: 2 * 24 * 60 }),
  lengthMin: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  customers: fc.option(fc.subarray(['cus_a', 'cus_b', 'cus_none'], { minLength: 1 }), { nil: undefined }),
  groupBy: fc.option(fc.constant('model'), { nil: undefined }),
});

describe('rollup usage equals the naive answer from raw events', () => {
  it('holds over random events, meters, filters, windows and zones', async () => {
    let nonEmpty = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(event, { minLength: 10, maxLength: 80 }), fc.nat({ max: 60 }), meter, query,
      async (raw, splitAt, m, q) => {
        const store = openSqliteStore({ path: ':memory:' });
        store.useRollupRules?.(ROLLUP_RULES);
        try {
          for (const [id, ext] of [['cus_a', null], ['cus_b', 'ext-b']] as const) {
            await store.customers.create({ id, mode: 'test_mode', externalId: ext, name: id, email: `${id}@x.io`, phoneNumber: null, metadata: {}, createdAt: 1 });
          }
          const events: ValidEvent[] = raw.map((e, i) => ({ ...e, eventId: `e${i}` }));
          const planner = new RollupPlanner(store);
          // Some events before the meter (backfilled), the rest after (counted at ingest), with retried duplicates.
          const before = events.slice(0, splitAt);
          const after = events.slice(splitAt);
          if (before.length) await planner.insert('test_mode', before, 1);
          const created = await store.meters.create({
            id: 'mtr_p', mode: 'test_mode', name: 'p', eventName: 'llm',
            aggregation: { type: m.type as MeterDefinition['aggregation']['type'], key: m.type === 'count' ? null : m.key },
            measurementUnit: 'u', description: null, filter: m.filter, groupKeys: ['model'], createdAt: 1,
          });
          planner.invalidate('test_mode');
          const runner = new BackfillRunner(store, 7);
          const backfill = runner.start('test_mode', created.id);
          for (let i = 0; i < after.length; i += 5) await planner.insert('test_mode', [...after.slice(i, i + 5), ...before.slice(0, 2)], 2);
          await backfill;
          const start = BASE + q.startMin * MIN;
          const end = start + (q.size === 'minute' ? Math.min(q.lengthMin, 600) : q.lengthMin) * MIN;
          const got = await queryUsage(store, 'test_mode', (await store.meters.get('test_mode', 'mtr_p'))!, {
            start, end, windowSize: q.size, timeZone: q.zone, customerIds: q.customers, groupBy: q.groupBy,
          });
          const known = events.filter((e) => RESOLVE[e.customerId]).map((e) => ({ ...e, customerId: RESOLVE[e.customerId]! }));
          const definition: MeterDefinition = { event_name: 'llm', aggregation: created.aggregation, filter: m.filter };
          const want = aggregateNaive(known, definition, windowsFor(start, end, q.size, q.zone), q.customers, { groupBy: q.groupBy });
          expect(got).toEqual(want);
          if (want.length > 0) nonEmpty++;
        } finally {
          await store.close();
        }
      },
    ), { numRuns: 300 });
    // The property must not hold vacuously: most runs have usage to compare.
    expect(nonEmpty).toBeGreaterThan(30);
  }, 120_000);
});
