import type { MetadataValue } from './types';

export type Operator =
  | 'equals' | 'not_equals'
  | 'greater_than' | 'greater_than_or_equals' | 'less_than' | 'less_than_or_equals'
  | 'contains' | 'does_not_contain';

export interface Condition {
  key: string;
  operator: Operator;
  value: MetadataValue;
}

export interface MeterFilter {
  conjunction: 'and' | 'or';
  clauses: (Condition | MeterFilter)[];
}

export type AggregationType = 'count' | 'sum' | 'max' | 'last' | 'min' | 'avg' | 'unique_count';

export interface Meter {
  id: string;
  name: string;
  event_name: string;
  aggregation: { type: AggregationType; key?: string | null };
  measurement_unit: string;
  description?: string | null;
  filter?: MeterFilter | null;
  /** Tally extension: metadata keys usage can be grouped by. */
  group_by_keys?: string[];
  created_at: string;
  updated_at: string;
  archived?: boolean;
  archived_at?: string | null;
  /** Tally extension; its exact shape is read defensively (see backfill.ts). */
  backfill?: unknown;
}

export interface UsageItem {
  customer_id: string;
  window_start: string;
  window_end: string;
  value: string | number;
  group?: Record<string, unknown> | string | null;
}
