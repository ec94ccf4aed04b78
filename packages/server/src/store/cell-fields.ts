import type { AggregationType, RollupCell } from '@tally/core';

/**
 * The cell fields each aggregation's value is made from: usage reads fetch
 * these and no others (the store keeps no others for it anyway).
 */
export const CELL_FIELDS: Record<AggregationType, ReadonlyArray<keyof RollupCell>> = {
  count: ['count'],
  sum: ['sum'],
  avg: ['count', 'sum'],
  min: ['min'],
  max: ['max'],
  last: ['last_ts', 'last_event_id', 'last_value'],
  unique_count: [],
};
