import type { MetadataValue, ValidEvent } from '../event/types.js';
import type { TimeRange } from '../window/window-size.js';
import { cellValue } from './cell-value.js';
import { eventContribution } from './contribution.js';
import { compareCodePoints } from './event-order.js';
import { matchesFilter, metadataValue } from './filter-match.js';
import { addToCell, emptyCell, type RollupCell } from './rollup-cell.js';
import type { MeterDefinition } from './types.js';
import { uniqueKey } from './unique-key.js';

/** One row of a usage answer. Windows are epoch ms; value a decimal string. */
export interface UsageItem {
  customer_id: string;
  window_start: number;
  window_end: number;
  value: string | null;
  /** The group_by key's value; null without group_by or when the event lacks the key. */
  group: MetadataValue | null;
}

export interface NaiveOptions {
  /** Metadata key to split each customer's windows by. */
  groupBy?: string;
}

interface Acc {
  item: UsageItem;
  groupKey: string;
  cell: RollupCell;
  distinct: Set<string>;
}

/** Index of the window holding ts in sorted, disjoint windows, or -1. */
function findWindow(windows: readonly TimeRange[], ts: number): number {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = windows[mid]!;
    if (ts < w.start) hi = mid - 1;
    else if (ts >= w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Usage straight from raw events, with no rollups: the reference the server's
 * rollup answers are tested against. An event counts when its name equals the
 * meter's exactly, its metadata passes the filter, its contribution counts,
 * its timestamp lies in one of `windows` (sorted and disjoint, e.g. from
 * windowsFor) and, if `customerIds` is given, its customer is one of them.
 * Pass only events of known customers, with customerId resolved to theirs.
 *
 * Returns one item per (customer, window, group) with at least one counting
 * event — empty windows are left out — ordered by customer_id (code point),
 * window_start, then group.
 */
export function aggregateNaive(
  events: readonly ValidEvent[],
  meter: MeterDefinition,
  windows: readonly TimeRange[],
  customerIds?: readonly string[] | null,
  options: NaiveOptions = {},
): UsageItem[] {
  const wanted = customerIds ? new Set(customerIds) : null;
  const accs = new Map<string, Acc>();
  for (const e of events) {
    if (e.eventName !== meter.event_name) continue;
    if (wanted && !wanted.has(e.customerId)) continue;
    const w = findWindow(windows, e.timestamp);
    if (w < 0 || !matchesFilter(meter.filter, e.metadata)) continue;
    const contribution = eventContribution(meter.aggregation, e.metadata);
    if (!contribution.counts) continue;
    const group = options.groupBy === undefined ? null : metadataValue(e.metadata, options.groupBy) ?? null;
    const groupKey = group === null ? '' : uniqueKey(group);
    const id = JSON.stringify([e.customerId, w, groupKey]);
    let acc = accs.get(id);
    if (!acc) {
      const { start, end } = windows[w]!;
      acc = { item: { customer_id: e.customerId, window_start: start, window_end: end, value: null, group }, groupKey, cell: emptyCell(), distinct: new Set() };
      accs.set(id, acc);
    }
    acc.cell = addToCell(acc.cell, contribution, e.timestamp, e.eventId);
    if (contribution.unique !== null) acc.distinct.add(contribution.unique);
  }
  const out = [...accs.values()];
  out.sort((a, b) =>
    compareCodePoints(a.item.customer_id, b.item.customer_id)
    || a.item.window_start - b.item.window_start
    || compareCodePoints(a.groupKey, b.groupKey));
  for (const acc of out) {
    acc.item.value = meter.aggregation.type === 'unique_count' ? String(acc.distinct.size) : cellValue(meter.aggregation.type, acc.cell);
  }
  return out.map((a) => a.item);
}
