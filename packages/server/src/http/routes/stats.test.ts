import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestServer, type ApiClient, type TestServer } from '../../testing/index.js';

let srv: TestServer;
let api: ApiClient;
beforeAll(async () => {
  srv = await startTestServer();
  api = apiClient(srv.url, srv.apiKey);
});
afterAll(() => srv.close());

describe('GET /stats/overview', () => {
  it('gives every minute of the last hour and the customer IDs no customer has', async () => {
    await api.post('/customers', { name: 'A', email: 'a@x.io', external_id: 'known' });
    const now = Date.now();
    const events = [['known', 0], ['nobody', 0], ['nobody', 5 * 60_000], ['other', 90 * 60_000]].map(([c, ago], i) => ({
      event_id: `s${i}`, customer_id: c, event_name: 'x', timestamp: new Date(now - (ago as number)).toISOString(),
    }));
    expect((await api.post('/events/ingest', { events })).status).toBe(200);
    const { status, body } = await api.get('/stats/overview');
    expect(status).toBe(200);
    expect(body.events_per_minute).toHaveLength(60);
    expect(body.events_per_minute.reduce((s: number, m: { count: number }) => s + m.count, 0)).toBe(3);
    expect(body.events_per_minute.at(-1).count).toBeGreaterThanOrEqual(1);
    expect(body.unknown_customers.map((u: { customer_id: string; event_count: number }) => [u.customer_id, u.event_count])).toEqual([['nobody', 2], ['other', 1]]);
  });

  it('keeps modes apart and needs a key', async () => {
    const live = await api.withKey(srv.liveApiKey).get('/stats/overview');
    expect(live.body.unknown_customers).toEqual([]);
    expect((await api.withKey().get('/stats/overview')).status).toBe(401);
    expect((await api.get('/stats/overview?minutes=0')).status).toBe(400);
  });
});
