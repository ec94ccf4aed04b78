import { mergeInto, quantiles, RELATIVE_ACCURACY } from '@tally/core';
import type { ApiCallStats } from '../../store/analytics-types.js';

/** A window (and group) of API calls as it is being summed. */
export interface StatsAcc extends ApiCallStats {
  errors4xx: number;
  errors5xx: number;
}

export function emptyAcc(): StatsAcc {
  return { count: 0, timed: 0, responseTimeSum: 0, requestBytes: 0, responseBytes: 0, latency: {}, errors4xx: 0, errors5xx: 0 };
}

/** Adds `from`'s counts, sums and latency histogram into `into`, in place. */
export function addStats(into: ApiCallStats, from: ApiCallStats): void {
  into.count += from.count;
  into.timed += from.timed;
  into.responseTimeSum += from.responseTimeSum;
  into.requestBytes += from.requestBytes;
  into.responseBytes += from.responseBytes;
  mergeInto(into.latency, from.latency);
}

export function addRow(acc: StatsAcc, row: ApiCallStats & { statusCode: number }): void {
  addStats(acc, row);
  if (row.statusCode >= 400 && row.statusCode < 500) acc.errors4xx += row.count;
  if (row.statusCode >= 500 && row.statusCode < 600) acc.errors5xx += row.count;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const ms = (x: number | null) => (x === null ? null : round(x, 3));

/** The figures of one window: rates in [0, 1], latencies in ms (percentiles within RELATIVE_ACCURACY). */
export function summarize(acc: StatsAcc) {
  const [p50, p90, p95, p99] = quantiles(acc.latency, [0.5, 0.9, 0.95, 0.99]);
  return {
    count: acc.count,
    error_count_4xx: acc.errors4xx,
    error_count_5xx: acc.errors5xx,
    error_rate_4xx: acc.count ? round(acc.errors4xx / acc.count, 6) : 0,
    error_rate_5xx: acc.count ? round(acc.errors5xx / acc.count, 6) : 0,
    p50_ms: ms(p50!),
    p90_ms: ms(p90!),
    p95_ms: ms(p95!),
    p99_ms: ms(p99!),
    mean_ms: acc.timed ? round(acc.responseTimeSum / acc.timed, 3) : null,
    request_bytes: acc.requestBytes,
    response_bytes: acc.responseBytes,
  };
}

export const PERCENTILE_RELATIVE_ERROR = RELATIVE_ACCURACY;
