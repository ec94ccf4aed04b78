import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

let srv: TestServer;
let api: ApiClient;
const t0 = Date.now() - 3_600_000;
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();

beforeAll(async () => {
  srv = await startTestServer();
  api = apiClient(srv.url, srv.apiKey);
  const events = Array.from({ length: 30 }, (_, i) => ({
    event_id: `l${i}`,
    customer_id: i % 3 === 0 ? 'alice' : 'bob',
    event_name: i % 2 === 0 ? 'api_call' : 'upload',
    timestamp: at(i),
    metadata: { i },
  }));
  await api.post('/events/ingest', { events });
});
afterAll(() => srv.close());

const ids = async (q: string) => (await api.get(`/events?${q}`)).body.items.map((e: { event_id: string }) => e.event_id);

describe('GET /events', () => {
  it('returns newest first, 10 by default, in upstream shape', async () => {
    const r = await api.get('/events');
    expect(r.body.items).toHaveLength(10);
    expect(r.body.items[0]).toEqual({ business_id: 'bus_tally', customer_id: 'bob', event_id: 'l29', event_name: 'upload', timestamp: at(29), metadata: { i: 29 } });
  });

  it('filters by customer, event name and time, and pages', async () => {
    expect(await ids('customer_id=alice&event_name=api_call&page_size=100')).toEqual(['l24', 'l18', 'l12', 'l6', 'l0']);
    expect(await ids(`start=${encodeURIComponent(at(10))}&end=${encodeURIComponent(at(13))}`)).toEqual(['l12', 'l11', 'l10']);
    expect(await ids('page_size=5&page_number=1')).toEqual(['l24', 'l23', 'l22', 'l21', 'l20']);
    expect(await ids('page_size=5&page_number=9')).toEqual([]);
  });

  it('rejects bad paging and bad times with 400', async () => {
    for (const q of ['page_size=101', 'page_size=0', 'page_number=-1', 'page_size=abc', 'start=yesterday']) {
      const r = await api.get(`/events?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.code).toBe('invalid_request');
    }
  });
});

describe('GET /events/{event_id}', () => {
  it('returns the event or a 404', async () => {
    expect((await api.get('/events/l3')).body).toMatchObject({ event_id: 'l3', customer_id: 'alice' });
    const missing = await api.get('/events/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });
});
