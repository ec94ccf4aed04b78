import { addToHistogram, type ValidEvent } from '@tally/core';
import type { ApiCallDelta } from '../../store/analytics-types.js';
import { GRANULARITY_MS, type Granularity } from '../../store/meter-types.js';
import { addStats } from './api-call-stats.js';

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/**
 * An event is an API call for analytics when its metadata names an `endpoint`
 * and an integer `status_code` (what the gateway middleware records);
 * `method`, `response_time_ms` and the byte counts are optional.
 */
export function apiCallOf(e: ValidEvent) {
  const m = e.metadata;
  if (!m || typeof m.endpoint !== 'string') return undefined;
  const status = num(m.status_code);
  if (status === undefined || !Number.isInteger(status) || status < 100 || status > 999) return undefined;
  return {
    endpoint: m.endpoint,
    method: typeof m.method === 'string' ? m.method.toUpperCase() : '',
    statusCode: status,
    responseTimeMs: num(m.response_time_ms),
    requestBytes: Math.max(0, num(m.request_bytes) ?? 0),
    responseBytes: Math.max(0, num(m.response_bytes) ?? 0),
  };
}

const bucketOf = (ts: number, size: number) => ts - (((ts % size) + size) % size);

// Separates key parts; control characters are not expected in names, and a
// collision would merge two rows of one customer's analytics, not lose events.
const SEP = '\u0001';

const deltaKey = (d: ApiCallDelta, bucket: number) =>
  bucket + SEP + d.eventName + SEP + d.endpoint + SEP + d.method + SEP + d.statusCode + SEP + d.customerId;

/** Adds `from`'s counts into the delta of the same dimensions at `gran`. */
function rollUp(out: Map<string, ApiCallDelta>, from: ApiCallDelta, gran: Granularity): void {
  const bucket = bucketOf(from.bucket, GRANULARITY_MS[gran]);
  const key = deltaKey(from, bucket);
  let d = out.get(key);
  if (!d) out.set(key, (d = { ...from, gran, bucket, count: 0, timed: 0, responseTimeSum: 0, requestBytes: 0, responseBytes: 0, latency: {} }));
  addStats(d, from);
}

/**
 * The API-call rollup deltas of new events, per minute, hour and day bucket,
 * merged by key. Events merge into minute deltas first, and hours and days
 * are summed from those: one key per event instead of three.
 */
export function apiCallDeltas(events: readonly ValidEvent[]): ApiCallDelta[] {
  const minutes = new Map<string, ApiCallDelta>();
  const minuteMs = GRANULARITY_MS.minute;
  for (const e of events) {
    const call = apiCallOf(e);
    if (!call) continue;
    const bucket = bucketOf(e.timestamp, minuteMs);
    const key = bucket + SEP + e.eventName + SEP + call.endpoint + SEP + call.method + SEP + call.statusCode + SEP + e.customerId;
    let d = minutes.get(key);
    if (!d) {
      d = { eventName: e.eventName, gran: 'minute', bucket, endpoint: call.endpoint, method: call.method, statusCode: call.statusCode,
        customerId: e.customerId, count: 0, timed: 0, responseTimeSum: 0, requestBytes: 0, responseBytes: 0, latency: {} };
      minutes.set(key, d);
    }
    d.count++;
    d.requestBytes += call.requestBytes;
    d.responseBytes += call.responseBytes;
    if (call.responseTimeMs !== undefined && call.responseTimeMs >= 0) {
      d.timed++;
      d.responseTimeSum += call.responseTimeMs;
      addToHistogram(d.latency, call.responseTimeMs);
    }
  }
  const hours = new Map<string, ApiCallDelta>();
  const days = new Map<string, ApiCallDelta>();
  for (const m of minutes.values()) {
    rollUp(hours, m, 'hour');
    rollUp(days, m, 'day');
  }
  return [...minutes.values(), ...hours.values(), ...days.values()];
}
