import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/each-backend.js';
import { apiClient, startTestServer, type ApiClient, type TestServer } from '../../testing/index.js';

describeEachBackend('usage limits', (backend) => {
  let t: TestServer;
  let api: ApiClient;
  let meterId: string;
  let otherMeterId: string;
  const now = Date.now();

  const ingest = (customer: string, n: number, eventName = 'api_call') =>
    api.post('/events/ingest', {
      events: Array.from({ length: n }, () => ({ event_id: `q-${Math.random()}`, customer_id: customer, event_name: eventName, metadata: { bytes: 10 } })),
    });

  beforeAll(async () => {
    t = await startTestServer(await backend.overrides());
    api = apiClient(t.url, t.apiKey);
    meterId = (await api.post('/meters', { name: 'Calls', event_name: 'api_call', measurement_unit: 'calls', aggregation: { type: 'count' } })).body.id;
    otherMeterId = (await api.post('/meters', { name: 'Bytes', event_name: 'upload', measurement_unit: 'B', aggregation: { type: 'sum', key: 'bytes' } })).body.id;
  });
  afterAll(async () => {
    await t.close();
    await backend.cleanup();
  });

  describe('usage limits', () => {
    it('reports used, limit, remaining and the calendar-month reset for a customer without subscription', async () => {
      const c = (await api.post('/customers', { name: 'A', email: 'a@example.com', external_id: 'ext_a' })).body;
      const set = await api.post('/limits', { meter_id: meterId, customer_id: 'ext_a', limit: 5 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ limit_id: expect.stringMatching(/^lim_/), customer_id: c.customer_id, plan_id: null, limit: '5' });
      await ingest('ext_a', 3);
      await ingest(c.customer_id, 1);
      const r = await api.get('/customers/ext_a/limits');
      expect(r.status).toBe(200);
      const d = new Date(now);
      expect(r.body).toEqual({
        customer_id: c.customer_id,
        items: [{
          limit_id: set.body.limit_id, source: 'customer', plan_id: null, meter_id: meterId, meter_name: 'Calls', event_name: 'api_call',
          aggregation_type: 'count', limit: '5', used: '4', remaining: '1',
          period_start: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString(),
          reset_at: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString(),
        }],
      });
      await ingest('ext_a', 3);
      const over = (await api.get(`/customers/${c.customer_id}/limits`)).body.items[0];
      expect(over).toMatchObject({ used: '7', remaining: '0' });
      const replaced = await api.post('/limits', { meter_id: meterId, customer_id: c.customer_id, limit: '10.5' });
      expect(replaced.body.limit_id).toBe(set.body.limit_id);
      expect((await api.get('/customers/ext_a/limits')).body.items[0]).toMatchObject({ limit: '10.5', remaining: '3.5' });
    });

    it('applies plan limits from the subscription billing period, a customer limit winning over its plan', async () => {
      const plan = (await api.post('/plans', { name: 'Pro', currency: 'USD', billing_interval: { unit: 'day', count: 1 }, components: [{ meter_id: meterId, price_per_unit: '0.01' }] })).body;
      const c = (await api.post('/customers', { name: 'B', email: 'b@example.com' })).body;
      const anchor = Math.floor((now - 36 * 3_600_000) / 60_000) * 60_000;
      expect((await api.post(`/customers/${c.customer_id}/subscriptions`, { plan_id: plan.plan_id ?? plan.id, billing_anchor: new Date(anchor).toISOString() })).status).toBe(201);
      await api.post('/limits', { meter_id: meterId, plan_id: plan.plan_id ?? plan.id, limit: 100 });
      await api.post('/limits', { meter_id: otherMeterId, plan_id: plan.plan_id ?? plan.id, limit: 1000 });
      await ingest(c.customer_id, 2);
      await ingest(c.customer_id, 3, 'upload');
      const items = (await api.get(`/customers/${c.customer_id}/limits`)).body.items;
      const periodStart = anchor + Math.floor((now - anchor) / 86_400_000) * 86_400_000;
      expect(items).toHaveLength(2);
      expect(items.find((i: { meter_id: string }) => i.meter_id === meterId)).toMatchObject({
        source: 'plan', used: '2', remaining: '98', period_start: new Date(periodStart).toISOString(), reset_at: new Date(periodStart + 86_400_000).toISOString(),
      });
      expect(items.find((i: { meter_id: string }) => i.meter_id === otherMeterId)).toMatchObject({ used: '30', remaining: '970', aggregation_type: 'sum' });
      await api.post('/limits', { meter_id: meterId, customer_id: c.customer_id, limit: 3 });
      expect((await api.get(`/customers/${c.customer_id}/limits`)).body.items.find((i: { meter_id: string }) => i.meter_id === meterId)).toMatchObject({ source: 'customer', limit: '3', remaining: '1' });
      const listed = await api.get(`/limits?plan_id=${plan.plan_id ?? plan.id}`);
      expect(listed.body.items).toHaveLength(2);
    });

    it('validates targets and deletes', async () => {
      expect((await api.post('/limits', { meter_id: meterId, limit: 1 })).status).toBe(400);
      expect((await api.post('/limits', { meter_id: meterId, customer_id: 'x', plan_id: 'y', limit: 1 })).status).toBe(400);
      expect((await api.post('/limits', { meter_id: meterId, customer_id: 'nobody', limit: 1 })).status).toBe(404);
      expect((await api.post('/limits', { meter_id: 'mtr_none', customer_id: 'ext_a', limit: 1 })).status).toBe(404);
      expect((await api.post('/limits', { meter_id: meterId, customer_id: 'ext_a', limit: -1 })).status).toBe(400);
      expect((await api.post('/limits', { meter_id: meterId, customer_id: 'ext_a', limit: 'lots' })).status).toBe(400);
      expect((await api.get('/customers/nobody/limits')).status).toBe(404);
      const l = (await api.post('/limits', { meter_id: otherMeterId, customer_id: 'ext_a', limit: 1 })).body;
      expect((await api.del(`/limits/${l.limit_id}`)).status).toBe(204);
      expect((await api.del(`/limits/${l.limit_id}`)).status).toBe(404);
    });
  });
});
