import { addToHistogram, type ValidEvent } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITY_MS } from '../../store/meter-types.js';
import { apiCallDeltas, apiCallOf } from './api-call-deltas.js';

/** The deltas computed the slow, obvious way: group every event under each granularity's key, then total each group. */
function naive(events: ValidEvent[]) {
  const groups = new Map<string, Array<{ e: ValidEvent; call: NonNullable<ReturnType<typeof apiCallOf>> }>>();
  for (const e of events) {
    const call = apiCallOf(e);
    if (!call) continue;
    for (const gran of ['minute', 'hour', 'day'] as const) {
      const size = GRANULARITY_MS[gran];
      const bucket = e.timestamp - (((e.timestamp % size) + size) % size);
      const key = JSON.stringify([gran, bucket, e.eventName, call.endpoint, call.method, call.statusCode, e.customerId]);
      groups.set(key, [...(groups.get(key) ?? []), { e, call }]);
    }
  }
  return new Map([...groups].map(([key, members]) => {
    const [gran, bucket] = JSON.parse(key) as [string, number];
    const { e, call } = members[0]!;
    const timed = members.map((m) => m.call.responseTimeMs).filter((t): t is number => t !== undefined && t >= 0);
    const total = (f: (m: (typeof members)[number]) => number) => members.reduce((s, m) => s + f(m), 0);
    return [key, {
      gran, bucket, eventName: e.eventName, endpoint: call.endpoint, method: call.method, statusCode: call.statusCode, customerId: e.customerId,
      count: members.length, timed: timed.length, responseTimeSum: timed.reduce((s, t) => s + t, 0),
      requestBytes: total((m) => m.call.requestBytes), responseBytes: total((m) => m.call.responseBytes),
      latency: timed.reduce((h, t) => addToHistogram(h, t), {}),
    }];
  }));
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
        expect(g.responseTimeSum).toBeCloseTo(d.responseTimeSum, 6);
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
