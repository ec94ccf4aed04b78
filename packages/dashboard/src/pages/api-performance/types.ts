/** One row of GET /analytics/api-calls (a window, maybe one group of it). */
export interface ApiCallRow {
  window_start: string;
  window_end: string;
  endpoint?: string;
  customer_id?: string;
  method?: string;
  status_code?: number;
  count: number;
  error_count_4xx: number;
  error_count_5xx: number;
  error_rate_4xx: number;
  error_rate_5xx: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  mean_ms: number | null;
  request_bytes: number;
  response_bytes: number;
}

export interface ApiCallsAnswer {
  event_name: string;
  start: string;
  end: string;
  percentile_relative_error: number;
  items: ApiCallRow[];
}

export type GroupBy = 'endpoint' | 'method' | 'status_code' | 'customer_id';

export const GROUPS: readonly (readonly [GroupBy, string])[] = [
  ['endpoint', 'endpoint'], ['method', 'method'], ['status_code', 'status code'], ['customer_id', 'customer'],
];
