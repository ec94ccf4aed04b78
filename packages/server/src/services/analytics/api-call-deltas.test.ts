import { addToHistogram, type ValidEvent } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITY_MS } from '../../store/meter-types.js';
import { apiCallDeltas, apiCallOf } from './api-call-deltas.js';

/** The deltas computed the slow, obvious way: every event into every granularity. */
function naive(events: ValidEvent[]) {
  const out = new Map<string, Record<string, unknown>>();
  for (const e of events) {
    const call = apiCallOf(e);
    if (!call) continue;
    for (const gran of ['minute', 'hour', 'day'] as const) {
      const size = GRANULARITY_MS[gran];
      const bucket = e.timestamp - (((e.timestamp % size) + size) % size);
      const key = JSON.stringify([gran, bucket, e.eventName, call.endpoint, call.method, call.statusCode, e.customerId]);
      const d = (out.get(key) ?? { gran, bucket, eventName: e.eventName, endpoint: call.endpoint, method: call.method,
        statusCode: call.statusCode, customerId: e.customerId, count: 0, timed: 0, responseTimeSum: 0, requestBytes: 0,
        responseBytes: 0, latency: {} }) as Record<string, number> & { latency: Record<string, number> };
      out.set(key, d);
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
  return out;
}

const byKey = (ds: ReturnType<typeof apiCallDeltas>) =>
  new Map(ds.map((d) => [JSON.stringify([d.gran, d.bucket, d.eventName, d.endpoint, d.method, d.statusCode, d.customerId]), d]));

const event = fc.record({
  eventId: fc.uuid(),
  customerId: fc.constantFrom('a', 'b', 'c'),
  eventName: fc.constantFrom('api_call', 'other'),
  // Three days either side of the epoch, so buckets cross minutes, hours and days (negative too).
  timestamp: fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
  metadata: fc.oneof(
    fc.constant(null),
    fc.record({
      endpoint: fc.constantFrom('/a', '/b/:id'),
      method: fc.constantFrom('get', 'POST'),
      status_code: fc.constantFrom(200, 404, 503, '201', 99),
      response_time_ms: fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constant('12.5'), fc.constant(-1)),
      request_bytes: fc.nat(10_000),
    }, { requiredKeys: ['endpoint', 'status_code'] }),
  ),
}) as fc.Arbitrary<ValidEvent>;

describe('apiCallDeltas', () => {
  it('equals folding every event into every granularity on its own', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 200 }), (events) => {
      const got = byKey(apiCallDeltas(events));
      const want = naive(events);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, d] of want) {
        const g = got.get(k)!;
        expect({ ...g, responseTimeSum: 0 }).toEqual({ ...d, responseTimeSum: 0 });
        expect(g.responseTimeSum).toBeCloseTo(d.responseTimeSum as number, 6);
      }
    }));
  });

  it('merges the events of one minute into one delta per dimension', () => {
    const e = (i: number): ValidEvent => ({ eventId: `e${i}`, customerId: 'c', eventName: 'api_call', timestamp: 60_000 + i,
      metadata: { endpoint: '/x', method: 'GET', status_code: 200, response_time_ms: 10 } });
    const ds = apiCallDeltas([e(1), e(2), e(3)]);
    expect(ds.map((d) => [d.gran, d.count])).toEqual([['minute', 3], ['hour', 3], ['day', 3]]);
  });
});
