import type { MetadataValue } from '../event/types.js';

// Wire shapes of the upstream meters API (snake_case), plus Tally's extra
// aggregation types min, avg and unique_count.

export type AggregationType = 'count' | 'sum' | 'max' | 'last' | 'min' | 'avg' | 'unique_count';

export const AGGREGATION_TYPES: readonly AggregationType[] = ['count', 'sum', 'max', 'last', 'min', 'avg', 'unique_count'];

/** Aggregations over a numeric metadata value. */
export type NumericAggregationType = 'sum' | 'max' | 'last' | 'min' | 'avg';

export interface Aggregation {
  type: AggregationType;
  /** The metadata key aggregated; required for every type but count. */
  key?: string | null;
}

export type FilterOperator =
  | 'equals'
  | 'not_equals'
  | 'greater_than'
  | 'greater_than_or_equals'
  | 'less_than'
  | 'less_than_or_equals'
  | 'contains'
  | 'does_not_contain';

export const FILTER_OPERATORS: readonly FilterOperator[] = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_or_equals',
  'less_than',
  'less_than_or_equals',
  'contains',
  'does_not_contain',
];

export type Conjunction = 'and' | 'or';

export interface Condition {
  key: string;
  operator: FilterOperator;
  value: MetadataValue;
}

/** Clauses are all conditions or all nested filters, never a mix. */
export interface Filter {
  conjunction: Conjunction;
  clauses: Condition[] | Filter[];
}

/** Body of `POST /meters`. */
export interface MeterInput {
  name: string;
  event_name: string;
  aggregation: Aggregation;
  measurement_unit: string;
  description?: string | null;
  filter?: Filter | null;
}

/** The parts of a meter that decide which events count and how. */
export interface MeterDefinition {
  event_name: string;
  aggregation: Aggregation;
  filter?: Filter | null;
}

export function isNumericAggregation(type: AggregationType): type is NumericAggregationType {
  return type === 'sum' || type === 'max' || type === 'last' || type === 'min' || type === 'avg';
}
