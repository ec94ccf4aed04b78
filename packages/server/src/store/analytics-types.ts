import type { Histogram } from '@tally/core';
import type { Granularity } from './meter-types.js';
import type { Mode } from './types.js';

/** The dimensions API-call analytics can be grouped by. */
export type ApiCallDimension = 'endpoint' | 'customer_id' | 'method' | 'status_code';
export const API_CALL_DIMENSIONS: readonly ApiCallDimension[] = ['endpoint', 'customer_id', 'method', 'status_code'];

/** One rollup cell of API calls: one event name, bucket, endpoint, method, status and customer (as sent). */
export interface ApiCallKey {
  eventName: string;
  gran: Granularity;
  bucket: number;
  endpoint: string;
  method: string;
  statusCode: number;
  customerId: string;
}

/** Mergeable sums: cells add up field by field, histograms bin by bin. */
export interface ApiCallStats {
  count: number;
  /** Calls that carried a numeric response_time_ms (the histogram's total). */
  timed: number;
  responseTimeSum: number;
  requestBytes: number;
  responseBytes: number;
  latency: Histogram;
}

export interface ApiCallDelta extends ApiCallKey, ApiCallStats {}

export interface ApiCallQuery {
  mode: Mode;
  eventName: string;
  gran: Granularity;
  start: number;
  end: number;
  groupBy?: ApiCallDimension;
}

export interface ApiCallRow extends ApiCallStats {
  bucket: number;
  statusCode: number;
  /** The value of the grouped dimension (as text); null when not grouped. */
  group: string | null;
}

export interface AnalyticsStore {
  /** Rows of [start, end) at one granularity, summed over the dimensions not grouped by (and per status code). */
  apiCalls(query: ApiCallQuery): Promise<ApiCallRow[]>;
}
