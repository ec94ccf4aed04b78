import {
  cellValue, compareCodePoints, emptyCell, mergeCells, uniqueKey, windowsFor,
  type MetadataValue, type RollupCell, type TimeRange, type UsageItem, type WindowSize,
} from '@tally/core';
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
  item: UsageItem;
  order: string;
  cell: RollupCell;
  distinct: Set<string> | null;
}

function windowIndex(windows: readonly TimeRange[], ts: number): number {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts < windows[mid]!.start) hi = mid - 1;
    else if (ts >= windows[mid]!.end) lo = mid + 1;
    else return mid;
  }
  return -1;
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
  const accs = new Map<string, Acc>();
  const accFor = (r: RollupRow): Acc | undefined => {
    const w = windowIndex(windows, r.bucket);
    if (w < 0) return undefined;
    const id = `${r.customerId}\u0000${w}\u0000${r.group ?? ''}`;
    let acc = accs.get(id);
    if (!acc) {
      const group: MetadataValue | null = r.group === null ? null : JSON.parse(r.group);
      const item = { customer_id: r.customerId, window_start: windows[w]!.start, window_end: windows[w]!.end, value: null, group };
      acc = { item, order: group === null ? '' : uniqueKey(group), cell: emptyCell(), distinct: unique ? new Set() : null };
      accs.set(id, acc);
    }
    return acc;
  };
  for (const run of runs) {
    const rq = { mode, meterId: meter.id, gran: run.gran, start: run.start, end: run.end, customerIds: q.customerIds, groupKey: q.groupBy };
    if (unique) {
      for (const r of await store.rollups.uniques(rq)) accFor(r)?.distinct!.add(r.value);
    } else {
      for (const r of await store.rollups.cells(rq)) {
        const acc = accFor(r);
        if (acc) acc.cell = acc.cell.count === 0 ? r.cell : mergeCells(acc.cell, r.cell);
      }
    }
  }
  const out = [...accs.values()];
  out.sort((a, b) => compareCodePoints(a.item.customer_id, b.item.customer_id) || a.item.window_start - b.item.window_start || compareCodePoints(a.order, b.order));
  for (const a of out) a.item.value = unique ? String(a.distinct!.size) : cellValue(meter.aggregation.type, a.cell);
  return out.map((a) => a.item);
}
