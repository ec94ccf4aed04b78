import type { AggregationType, RollupCell } from '@tally/core';

/**
 * The cell columns (sum, mn, mx, last_ts, last_id, last_v) a delta writes:
 * each aggregation stores only those it reads; the rest stay NULL. Shared by
 * both adapters, whose rollup tables have these columns in this order.
 */
export function cellColumns(type: AggregationType, c: RollupCell): unknown[] {
  switch (type) {
    case 'sum':
    case 'avg':
      return [c.sum, null, null, null, null, null];
    case 'min':
      return [null, c.min, null, null, null, null];
    case 'max':
      return [null, null, c.max, null, null, null];
    case 'last':
      return [null, null, null, c.last_ts, c.last_event_id, c.last_value];
    default:
      return [null, null, null, null, null, null];
  }
}
