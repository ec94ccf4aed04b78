import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metadata, ValidEvent } from '../event/types.js';
import { windowBounds } from '../window/window-bounds.js';
import type { WindowSize } from '../window/window-size.js';
import { windowsFor } from '../window/windows-for.js';
import { aggregateNaive, type UsageItem } from './aggregate-naive.js';
import { cellValue } from './cell-value.js';
import { eventContribution } from './contribution.js';
import { matchesFilter } from './filter-match.js';
import { addToCell, emptyCell, mergeCells, type RollupCell } from './rollup-cell.js';
import type { AggregationType, Filter, MeterDefinition } from './types.js';

const H = 3_600_000;
const t0 = Date.parse('2024-03-09T00:00:00Z');
let n = 0;
const ev = (customerId: string, hours: number, metadata: Metadata | null, eventName = 'api'): ValidEvent => ({
  eventId: `e${String(++n).padStart(4, '0')}`,
  customerId,
  eventName,
  timestamp: t0 + hours * H,
  metadata,
});

describe('aggregateNaive', () => {
  const events = [
    ev('cus_b', 1, { tokens: 10, model: 'a' }),
    ev('cus_a', 2, { tokens: 5, model: 'b' }),
    ev('cus_a', 3, { tokens: 7, model: 'a' }),
    ev('cus_a', 30, { tokens: 1, model: 'a' }),
    ev('cus_a', 30, { tokens: '99', model: 'a' }), // a numeric string never counts
    ev('cus_a', 31, { tokens: 2, model: 'a' }, 'other'),
    ev('cus_a', 80, { tokens: 2, model: 'a' }), // outside the windows
  ];
  const windows = windowsFor(t0, t0 + 48 * H, 'day', 'UTC');

  it('sums per customer and window, in order, leaving empty windows out', () => {
    const items = aggregateNaive(events, { event_name: 'api', aggregation: { type: 'sum', key: 'tokens' } }, windows);
    expect(items).toEqual<UsageItem[]>([
      { customer_id: 'cus_a', window_start: t0, window_end: t0 + 24 * H, value: '12', group: null },
      { customer_id: 'cus_a', window_start: t0 + 24 * H, window_end: t0 + 48 * H, value: '1', group: null },
      { customer_id: 'cus_b', window_start: t0, window_end: t0 + 24 * H, value: '10', group: null },
    ]);
  });

  it('applies the filter, the customer list and every aggregation type', () => {
    const filter: Filter = { conjunction: 'and', clauses: [{ key: 'model', operator: 'equals', value: 'a' }] };
    const meter = (type: AggregationType, key: string | null = 'tokens'): MeterDefinition => ({ event_name: 'api', aggregation: { type, key }, filter });
    const one = (type: AggregationType, key?: string | null) => aggregateNaive(events, meter(type, key), windows, ['cus_a']).map((i) => i.value);
    expect(one('count', null)).toEqual(['1', '2']);
    expect(one('sum')).toEqual(['7', '1']);
    expect(one('max')).toEqual(['7', '1']);
    expect(one('last')).toEqual(['7', '1']);
    expect(one('avg')).toEqual(['7', '1']);
    expect(one('unique_count')).toEqual(['1', '2']); // n:1 and s:99
    expect(aggregateNaive(events, meter('sum'), windows, []).length).toBe(0);
  });

  it('splits by a group_by key', () => {
    const items = aggregateNaive(events, { event_name: 'api', aggregation: { type: 'count' } }, windows, ['cus_a'], { groupBy: 'model' });
    expect(items.map((i) => [i.window_start - t0, i.group, i.value])).toEqual([
      [0, 'a', '1'],
      [0, 'b', '1'],
      [24 * H, 'a', '2'],
    ]);
    const missing = aggregateNaive(events, { event_name: 'api', aggregation: { type: 'count' } }, windows, ['cus_b'], { groupBy: 'nope' });
    expect(missing).toEqual([expect.objectContaining({ group: null, value: '1' })]);
  });
});

// The intended use: rollups kept per (customer, 15-minute UTC bucket) at ingest
// and merged per window at query time give exactly the naive answer. 15-minute
// buckets suit every zone in use today (offsets are multiples of 15 minutes).
const BUCKET = 15 * 60_000;
function viaRollups(events: ValidEvent[], meter: MeterDefinition, start: number, end: number, size: WindowSize, tz: string): UsageItem[] {
  const buckets = new Map<string, { customer: string; bucket: number; cell: RollupCell; distinct: Set<string> }>();
  for (const e of events) {
    if (e.eventName !== meter.event_name || !matchesFilter(meter.filter, e.metadata)) continue;
    const c = eventContribution(meter.aggregation, e.metadata);
    if (!c.counts) continue;
    const bucket = Math.floor(e.timestamp / BUCKET) * BUCKET;
    const key = `${e.customerId}|${bucket}`;
    const b = buckets.get(key) ?? { customer: e.customerId, bucket, cell: emptyCell(), distinct: new Set<string>() };
    b.cell = addToCell(b.cell, c, e.timestamp, e.eventId);
    if (c.unique) b.distinct.add(c.unique);
    buckets.set(key, b);
  }
  const out: UsageItem[] = [];
  const customers = [...new Set([...buckets.values()].map((b) => b.customer))].sort();
  for (const customer of customers) {
    for (const w of windowsFor(start, end, size, tz)) {
      const inside = [...buckets.values()].filter((b) => b.customer === customer && b.bucket >= w.start && b.bucket < w.end);
      if (inside.length === 0) continue;
      const cell = inside.map((b) => b.cell).reduce(mergeCells, emptyCell());
      const value = meter.aggregation.type === 'unique_count'
        ? String(new Set(inside.flatMap((b) => [...b.distinct])).size)
        : cellValue(meter.aggregation.type, cell);
      out.push({ customer_id: customer, window_start: w.start, window_end: w.end, value, group: null });
    }
  }
  return out;
}

describe('aggregateNaive against bucketed rollups', () => {
  const metadata = fc.record(
    { tier: fc.constantFrom('free', 'pro'), tokens: fc.oneof(fc.integer({ min: -50, max: 500 }), fc.constantFrom('150', 0.1, 0.2)), user: fc.constantFrom('u1', 'u2', 1, true) },
    { requiredKeys: [] },
  );
  const event = fc.record({
    eventId: fc.string({ minLength: 1, maxLength: 6 }),
    customerId: fc.constantFrom('cus_a', 'cus_b', 'cus_c'),
    eventName: fc.constantFrom('api', 'api', 'API'),
    timestamp: fc.integer({ min: t0, max: t0 + 10 * 24 * H }),
    metadata: fc.option(metadata, { nil: null }),
  });
  const meter = fc.record({
    event_name: fc.constant('api'),
    aggregation: fc.record({ type: fc.constantFrom<AggregationType>('count', 'sum', 'max', 'min', 'last', 'avg', 'unique_count'), key: fc.constantFrom('tokens', 'user') }),
    filter: fc.option(fc.constantFrom<Filter>(
      { conjunction: 'and', clauses: [{ key: 'tier', operator: 'equals', value: 'pro' }] },
      { conjunction: 'or', clauses: [{ key: 'tokens', operator: 'greater_than', value: 100 }, { key: 'user', operator: 'equals', value: 'u1' }] },
    ), { nil: null }),
  });

  it('agree for random events, meters, windows and zones', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(event, { selector: (e) => e.eventId, maxLength: 60 }),
        meter,
        fc.constantFrom<WindowSize>('hour', 'day', 'week', 'month', 'none'),
        fc.constantFrom('UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'),
        fc.integer({ min: 0, max: 5 * 24 * 4 }),
        fc.integer({ min: 1, max: 6 * 24 * 4 }),
        (events, m, size, tz, from, length) => {
          const start = t0 + from * BUCKET;
          const end = start + length * BUCKET;
          const windows = windowsFor(start, end, size, tz);
          expect(aggregateNaive(events, m, windows)).toEqual(viaRollups(events, m, start, end, size, tz));
          if (size !== 'none') expect(windowBounds(start, size, tz).start % BUCKET).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
