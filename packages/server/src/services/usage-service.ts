import {
  compareCodePoints, uniqueKey, windowIndex, windowsFor,
  type MetadataValue, type TimeRange, type UsageItem, type WindowSize } from '@tally/core';
import { InvalidInputError } from '../errors/domain-error.js';
import type { Meter, RollupSeries } from '../store/meter-types.js';
import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import { coverRange, mergeRuns, type Piece } from './bucket-cover.js';
import { UniqueWindowFold } from './unique-window-fold.js';
import { CellWindowFold, type WindowFold } from './window-fold.js';

export interface UsageQuery {
  start: number;
  end: number;
  windowSize: WindowSize;
  timeZone: string;
  /** Customers by Tally customer ID or external_id; every customer when omitted. */
  customerIds?: readonly string[];
  groupBy?: string;
}

interface Series<C> {
  customerId: string;
  group: MetadataValue | null;
  order: string;
  fold: WindowFold<C>;
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
  const rq = { mode, meterId: meter.id, ranges: runs, customerIds: q.customerIds, groupKey: q.groupBy };
  const type = meter.aggregation.type;
  // Folded: from here on only has() and value() are called, whatever the columns were.
  const series: Array<Series<never>> = type === 'unique_count'
    ? foldSeries(await store.rollups.uniqueSeries(rq), windows, () => new UniqueWindowFold(windows.length))
    : foldSeries(await store.rollups.cellSeries(rq), windows, () => new CellWindowFold(type, windows.length));
  const ordered = series.sort((a, b) => compareCodePoints(a.customerId, b.customerId) || compareCodePoints(a.order, b.order));
  const out: UsageItem[] = [];
  // Ordered by customer, then window, then group, as core's aggregateNaive.
  for (let i = 0; i < ordered.length; ) {
    let j = i;
    while (j < ordered.length && ordered[j]!.customerId === ordered[i]!.customerId) j++;
    for (let w = 0; w < windows.length; w++) {
      const { start, end } = windows[w]!;
      for (let k = i; k < j; k++) {
        const s = ordered[k]!;
        if (s.fold.has(w)) out.push({ customer_id: s.customerId, window_start: start, window_end: end, value: s.fold.value(w), group: s.group });
      }
    }
    i = j;
  }
  return out;
}

/** Every bucket of the packed rows into its window, one fold per customer and group. */
function foldSeries<C extends { bucket: number[] }>(rows: Array<RollupSeries<C>>, windows: readonly TimeRange[], make: () => WindowFold<C>): Array<Series<C>> {
  const byId = new Map<string, Series<C>>();
  for (const r of rows) {
    // A customer comes in several rows (its own ID's and its external_id's, several ranges): one series.
    const id = r.group === null ? r.customerId : `${r.customerId}\u0000${r.group}`;
    let s = byId.get(id);
    if (!s) {
      const group: MetadataValue | null = r.group === null ? null : JSON.parse(r.group);
      byId.set(id, (s = { customerId: r.customerId, group, order: group === null ? '' : uniqueKey(group), fold: make() }));
    }
    const buckets = r.columns.bucket;
    for (let i = 0; i < buckets.length; i++) {
      const w = windowIndex(windows, buckets[i]!);
      if (w >= 0) s.fold.add(w, r.columns, i);
    }
  }
  return [...byId.values()];
}
