import { quantile, RELATIVE_ACCURACY, addToHistogram, type Histogram } from '@tally/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/each-backend.js';
import { apiClient, startTestServer, type ApiClient, type TestServer } from '../../testing/index.js';

describeEachBackend('GET /analytics/api-calls', (backend) => {
  let t: TestServer;
  let api: ApiClient;
  const minute = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  beforeAll(async () => {
    t = await startTestServer(await backend.overrides());
    api = apiClient(t.url, t.apiKey);
  });
  afterAll(async () => {
    await t.close();
    await backend.cleanup();
  });

  function calls(n: number, over: (i: number) => Record<string, string | number>) {
    return Array.from({ length: n }, (_, i) => ({
      event_id: `c-${Math.random()}`,
      customer_id: i % 2 ? 'cus_odd' : 'cus_even',
      event_name: 'api_call',
      timestamp: iso(minute + (i % 3) * 60_000 + i),
      metadata: { endpoint: '/users/:id', method: 'GET', status_code: 200, response_time_ms: i + 1, request_bytes: 10, response_bytes: 100, ...over(i) },
    }));
  }

  describe('GET /analytics/api-calls', () => {
    it('answers counts, error rates, percentiles within the stated error, and bytes, per group', async () => {
      const users = calls(200, (i) => (i % 10 === 0 ? { status_code: 500 } : i % 10 === 1 ? { status_code: 404 } : {}));
      const orders = calls(20, () => ({ endpoint: '/orders', method: 'post', response_time_ms: 1000 }));
      expect((await api.post('/events/ingest', { events: [...users, ...orders] })).status).toBe(200);
      const r = await api.get(`/analytics/api-calls?start=${iso(minute)}&end=${iso(minute + 5 * 60_000)}&group_by=endpoint`);
      expect(r.status).toBe(200);
      expect(r.body.percentile_relative_error).toBe(RELATIVE_ACCURACY);
      const [u, o] = r.body.items;
      expect(u).toMatchObject({ endpoint: '/users/:id', count: 200, error_count_5xx: 20, error_count_4xx: 20, error_rate_5xx: 0.1, error_rate_4xx: 0.1, request_bytes: 2000, response_bytes: 20000 });
      const exact: Histogram = {};
      for (let i = 1; i <= 200; i++) addToHistogram(exact, i);
      for (const [field, q, truth] of [['p50_ms', 0.5, 100], ['p90_ms', 0.9, 180], ['p95_ms', 0.95, 190], ['p99_ms', 0.99, 198]] as const) {
        expect(u[field]).toBeCloseTo(quantile(exact, q)!, 3);
        expect(Math.abs(u[field] - truth)).toBeLessThanOrEqual(truth * RELATIVE_ACCURACY);
      }
      expect(u.mean_ms).toBeCloseTo(100.5, 3);
      expect(o).toMatchObject({ endpoint: '/orders', count: 20, error_rate_5xx: 0 });
      expect(Math.abs(o.p99_ms - 1000)).toBeLessThanOrEqual(1000 * RELATIVE_ACCURACY);
    });

    it('splits into windows, groups by status code and customer, and reads only its event name', async () => {
      const start = iso(minute);
      const end = iso(minute + 5 * 60_000);
      const byMinute = await api.get(`/analytics/api-calls?start=${start}&end=${end}&window_size=minute`);
      expect(byMinute.body.items.map((i: { count: number }) => i.count)).toEqual([74, 74, 72]);
      expect(byMinute.body.items[0].window_start).toBe(start);
      const byStatus = await api.get(`/analytics/api-calls?start=${start}&end=${end}&group_by=status_code`);
      expect(byStatus.body.items.map((i: { status_code: number; count: number }) => [i.status_code, i.count])).toEqual([[200, 180], [404, 20], [500, 20]]);
      const byCustomer = await api.get(`/analytics/api-calls?start=${start}&end=${end}&group_by=customer_id`);
      expect(byCustomer.body.items.map((i: { customer_id: string }) => i.customer_id).sort()).toEqual(['cus_even', 'cus_odd']);
      expect((await api.get(`/analytics/api-calls?start=${start}&end=${end}&event_name=other`)).body.items).toEqual([]);
      const byMethod = await api.get(`/analytics/api-calls?start=${start}&end=${end}&group_by=method`);
      expect(byMethod.body.items.map((i: { method: string }) => i.method)).toEqual(['GET', 'POST']);
    });

    it('aligns day windows in a time zone with a half-hour offset, losing no call', async () => {
      const start = iso(minute - 2 * 86_400_000);
      const end = iso(minute + 86_400_000);
      const r = await api.get(`/analytics/api-calls?start=${start}&end=${end}&window_size=day&time_zone=Asia/Kolkata`);
      expect(r.body.items.reduce((n: number, i: { count: number }) => n + i.count, 0)).toBe(220);
      for (const i of r.body.items) {
        if (i.window_start !== start) expect(i.window_start).toMatch(/T18:30:00.000Z$/);
      }
    });

    it('refuses bad parameters and a missing key', async () => {
      expect((await api.get('/analytics/api-calls?group_by=path')).status).toBe(400);
      expect((await api.get('/analytics/api-calls?window_size=fortnight')).status).toBe(400);
      expect((await api.get('/analytics/api-calls?start=yesterday')).status).toBe(400);
      expect((await api.get('/analytics/api-calls?time_zone=Mars/Base')).status).toBe(400);
      expect((await api.withKey().get('/analytics/api-calls')).status).toBe(401);
    });
  });
});
