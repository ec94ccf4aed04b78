import { binOf, type ValidEvent } from '@tally/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { apiCallDeltas } from '../../services/analytics/api-call-deltas.js';
import type { RollupPlan } from '../meter-types.js';
import type { Store } from '../store.js';
import type { StoreHarness } from './store-contract.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
let seq = 0;
const call = (over: Partial<ValidEvent> & { meta?: Record<string, string | number | boolean> } = {}): ValidEvent => ({
  eventId: `call${++seq}`,
  customerId: 'cus_a',
  eventName: 'api_call',
  timestamp: T0 + seq,
  metadata: { endpoint: '/users/:id', method: 'GET', status_code: 200, response_time_ms: 10, request_bytes: 5, response_bytes: 100, ...over.meta },
  ...over,
});

async function analyticsPlan(store: Store): Promise<RollupPlan> {
  const { version } = await store.meters.active('test_mode');
  return { version, deltas: () => [], apiCalls: apiCallDeltas };
}

/** API-call rollups and usage limits; run once per backend beside the store contract. */
export function describeAnalyticsContract(name: string, harness: StoreHarness): void {
  describe(`analytics contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterAll(async () => harness.teardown?.());

    it('rolls API calls up at ingest, merging counts, bytes and latency bins, never twice for a retry', async () => {
      const events = [call(), call({ meta: { response_time_ms: 30 } }), call({ meta: { status_code: 503, response_time_ms: 250 } }),
        call({ customerId: 'cus_b', meta: { endpoint: '/orders', method: 'POST', status_code: 404, response_time_ms: 1 } }),
        call({ metadata: { note: 'not an API call' } })];
      const plan = await analyticsPlan(store);
      await store.events.insert('test_mode', events.slice(0, 3), T0, plan);
      await store.events.insert('test_mode', events, T0, plan); // a retry: only the new two count
      const q = { mode: 'test_mode' as const, eventName: 'api_call', start: T0, end: T0 + 60_000 };
      const rows = await store.analytics.apiCalls({ ...q, gran: 'minute' });
      const total = rows.reduce((n, r) => n + r.count, 0);
      expect(total).toBe(4);
      const ok = rows.find((r) => r.statusCode === 200)!;
      expect(ok).toMatchObject({ count: 2, timed: 2, responseTimeSum: 40, requestBytes: 10, responseBytes: 200, group: null });
      expect(ok.latency).toEqual({ [binOf(10)]: 1, [binOf(30)]: 1 });
      const byEndpoint = await store.analytics.apiCalls({ ...q, gran: 'minute', groupBy: 'endpoint' });
      expect(new Set(byEndpoint.map((r) => r.group))).toEqual(new Set(['/users/:id', '/orders']));
      const byStatus = await store.analytics.apiCalls({ ...q, gran: 'minute', groupBy: 'status_code' });
      expect(byStatus.map((r) => r.group).sort()).toEqual(['200', '404', '503']);
      const hour = await store.analytics.apiCalls({ ...q, gran: 'hour', start: Date.UTC(2026, 0, 5, 10), end: Date.UTC(2026, 0, 5, 11), groupBy: 'customer_id' });
      expect(Object.fromEntries(hour.map((r) => [`${r.group}:${r.statusCode}`, r.count]))).toEqual({ 'cus_a:200': 2, 'cus_a:503': 1, 'cus_b:404': 1 });
      expect(await store.analytics.apiCalls({ ...q, gran: 'minute', mode: 'live_mode' })).toEqual([]);
    });

    it('merges histograms of concurrent inserts into one row', async () => {
      const plan = await analyticsPlan(store);
      const batches = Array.from({ length: 8 }, (_, i) => [call({ meta: { response_time_ms: i + 1 } }), call({ meta: { response_time_ms: 100 } })]);
      await Promise.all(batches.map((b) => store.events.insert('test_mode', b, T0, plan)));
      const [row] = await store.analytics.apiCalls({ mode: 'test_mode', eventName: 'api_call', gran: 'day', start: Date.UTC(2026, 0, 5), end: Date.UTC(2026, 0, 6) });
      expect(row!.count).toBe(16);
      expect(row!.latency[String(binOf(100))]).toBe(8);
      expect(Object.values(row!.latency).reduce((a, b) => a + b, 0)).toBe(16);
    });

    it('keeps one limit per meter and target, finds a customer by external_id, and deletes', async () => {
      await store.customers.create({ id: 'cus_x', mode: 'test_mode', externalId: 'ext_x', name: 'X', email: 'x@e.com', phoneNumber: null, metadata: {}, createdAt: 1 });
      const base = { mode: 'test_mode' as const, meterId: 'mtr_1', planId: null, createdAt: 1, updatedAt: 1 };
      const first = await store.limits.upsert({ ...base, id: 'lim_1', customerId: 'cus_x', limit: '100' });
      const again = await store.limits.upsert({ ...base, id: 'lim_2', customerId: 'cus_x', limit: '250', updatedAt: 2 });
      expect(again).toMatchObject({ id: first.id, limit: '250', updatedAt: 2 });
      await store.limits.upsert({ ...base, id: 'lim_3', customerId: null, planId: 'pln_1', limit: '10' });
      await store.limits.upsert({ ...base, id: 'lim_4', customerId: null, planId: 'pln_2', limit: '20' });
      expect((await store.limits.applicable('test_mode', 'cus_x', ['pln_1'])).map((l) => l.id).sort()).toEqual(['lim_1', 'lim_3']);
      expect((await store.limits.list('test_mode', { planId: 'pln_2' })).map((l) => l.id)).toEqual(['lim_4']);
      expect(await store.limits.list('live_mode', {})).toEqual([]);
      expect(await store.limits.resolveCustomer('test_mode', 'ext_x')).toBe('cus_x');
      expect(await store.limits.resolveCustomer('test_mode', 'cus_x')).toBe('cus_x');
      expect(await store.limits.resolveCustomer('live_mode', 'cus_x')).toBeUndefined();
      expect(await store.limits.delete('test_mode', 'lim_1')).toBe(true);
      expect(await store.limits.delete('test_mode', 'lim_1')).toBe(false);
    });
  });
}
