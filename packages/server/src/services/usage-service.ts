import {
  cellValue, compareCodePoints, emptyCell, mergeCells, uniqueKey, windowsFor,
  type MetadataValue, type RollupCell, type TimeRange, type UsageItem, type WindowSize, windowIndex } from '@tally/core';
import { InvalidInputError } from '../errors/domain-error.js';
import type { Meter, RollupRow } from '../store/meter-types.js';
import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import { coverRange, mergeRuns, type Piece } from './bucket-cover.js';

export interface UsageQuery {
  start: number;
  end: number;
  windowSize: WindowSize;
  timeZone: string;
  /** Tally customer IDs; every customer when omitted. */
  customerIds?: readonly string[];
  groupBy?: string;
}

interface Acc {
  cell: RollupCell | null;
  distinct: Set<string> | null;
}

interface Series {
  customerId: string;
  group: MetadataValue | null;
  order: string;
  accs: Array<Acc | undefined>;
}


function plan(q: UsageQuery): { windows: TimeRange[]; runs: Piece[] } {
  try {
    const windows = windowsFor(q.start, q.end, q.windowSize, q.timeZone);
    return { windows, runs: mergeRuns(windows.flatMap((w) => coverRange(w.start, w.end))) };
  } catch (err) {
    if (err instanceof RangeError) throw new InvalidInputError(err.message);
    throw err;
  }
}

/**
 * Usage per customer, window (and group) from rollups only: each window is
 * read from the coarsest buckets that tile it exactly, so the cost follows
 * the number of buckets read, never the number of events. Windows with no
 * counted event are left out, as in core's aggregateNaive.
 */
export async function queryUsage(store: Store, mode: Mode, meter: Meter, q: UsageQuery): Promise<UsageItem[]> {
  if (q.groupBy !== undefined && !meter.groupKeys.includes(q.groupBy)) {
    throw new InvalidInputError(
      `meter ${meter.id} does not keep usage by ${JSON.stringify(q.groupBy)}; group_by works for the keys declared in group_by_keys when the meter was created (${meter.groupKeys.map((k) => JSON.stringify(k)).join(', ') || 'none'})`,
      { field: 'group_by' },
    );
  }
  const { windows, runs } = plan(q);
  const unique = meter.aggregation.type === 'unique_count';
  // One accumulator per (customer, group) series and window, found by array
  // index rather than by string key: a query may fold tens of thousands of rows.
  const series = new Map<string, Series>();
  let lastId = '';
  let last: Series | undefined;
  const accFor = (r: RollupRow): Acc | undefined => {
    const w = windowIndex(windows, r.bucket);
    if (w < 0) return undefined;
    const id = r.group === null ? r.customerId : `${r.customerId}\u0000${r.group}`;
    // Rows arrive grouped by customer: most lookups hit the previous series.
    let s = id === lastId ? last : series.get(id);
    if (!s) {
      const group: MetadataValue | null = r.group === null ? null : JSON.parse(r.group);
      series.set(id, (s = { customerId: r.customerId, group, order: group === null ? '' : uniqueKey(group), accs: new Array(windows.length) }));
    }
    lastId = id;
    last = s;
    return (s.accs[w] ??= { cell: null, distinct: unique ? new Set() : null });
  };
  for (const run of runs) {
    const rq = { mode, meterId: meter.id, gran: run.gran, start: run.start, end: run.end, customerIds: q.customerIds, groupKey: q.groupBy };
    if (unique) {
      for (const r of await store.rollups.uniques(rq)) accFor(r)?.distinct!.add(r.value);
    } else {
      for (const r of await store.rollups.cells(rq)) {
        const acc = accFor(r);
        if (acc) acc.cell = acc.cell === null ? r.cell : mergeCells(acc.cell, r.cell);
      }
    }
  }
  const ordered = [...series.values()].sort((a, b) => compareCodePoints(a.customerId, b.customerId) || compareCodePoints(a.order, b.order));
  const out: UsageItem[] = [];
  // Ordered by customer, then window, then group, as before.
  for (let i = 0; i < ordered.length; ) {
    let j = i;
    while (j < ordered.length && ordered[j]!.customerId === ordered[i]!.customerId) j++;
    for (let w = 0; w < windows.length; w++) {
      for (let k = i; k < j; k++) {
        const s = ordered[k]!;
        const acc = s.accs[w];
        if (!acc) continue;
        const value = unique ? String(acc.distinct!.size) : cellValue(meter.aggregation.type, acc.cell ?? emptyCell());
        out.push({ customer_id: s.customerId, window_start: windows[w]!.start, window_end: windows[w]!.end, value, group: s.group });
      }
    }
    i = j;
  }
  return out;
}
