import { addToHistogram, type ValidEvent } from '@tally/core';
import type { ApiCallDelta } from '../../store/analytics-types.js';
import { GRANULARITY_MS, type Granularity } from '../../store/meter-types.js';

const GRANS: readonly Granularity[] = ['minute', 'hour', 'day'];

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

/** The API-call rollup deltas of new events, per minute, hour and day bucket, merged by key. */
export function apiCallDeltas(events: readonly ValidEvent[]): ApiCallDelta[] {
  const out = new Map<string, ApiCallDelta>();
  for (const e of events) {
    const call = apiCallOf(e);
    if (!call) continue;
    for (const gran of GRANS) {
      const size = GRANULARITY_MS[gran];
      const bucket = e.timestamp - (((e.timestamp % size) + size) % size);
      const id = JSON.stringify([e.eventName, gran, bucket, call.endpoint, call.method, call.statusCode, e.customerId]);
      let d = out.get(id);
      if (!d) {
        d = { eventName: e.eventName, gran, bucket, endpoint: call.endpoint, method: call.method, statusCode: call.statusCode, customerId: e.customerId,
          count: 0, timed: 0, responseTimeSum: 0, requestBytes: 0, responseBytes: 0, latency: {} };
        out.set(id, d);
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
  }
  return [...out.values()];
}
