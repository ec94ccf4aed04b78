import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

// The ingest / list / customers flow through the real server on PostgreSQL.
describePostgres('HTTP on PostgreSQL', () => {
  let schema: TestSchema;
  let srv: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    schema = await createTestSchema();
    srv = await startTestServer({ databaseUrl: schema.url, poolSize: 3 });
    api = apiClient(srv.url, srv.apiKey);
  });
  afterAll(async () => {
    await srv?.close();
    await schema?.drop();
  });

  it('ingests, skips retried event_ids, lists and gets events', async () => {
    const cus = (await api.post('/customers', { name: 'Ada', email: 'ada@example.com', external_id: 'user-1' })).body;
    const t0 = Date.now() - 60_000;
    const events = Array.from({ length: 20 }, (_, i) => ({
      event_id: `pg${i}`,
      customer_id: i % 2 ? 'user-1' : 'stranger',
      event_name: i % 4 === 0 ? 'upload' : 'api_call',
      timestamp: new Date(t0 + i * 1000).toISOString(),
      metadata: { i, ok: i % 3 === 0, model: 'm' },
    }));
    const first = await api.post('/events/ingest', { events });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ingested_count: 20, duplicate_count: 0, unknown_customer_ids: ['stranger'] });
    const retry = await api.post('/events/ingest', { events: [...events.slice(15), { event_id: 'pg20', customer_id: cus.customer_id, event_name: 'api_call' }] });
    expect(retry.body).toMatchObject({ ingested_count: 1, duplicate_count: 5 });

    const ids = async (q: string) => (await api.get(`/events?${q}`)).body.items.map((e: { event_id: string }) => e.event_id);
    expect(await ids('page_size=3')).toEqual(['pg20', 'pg19', 'pg18']);
    expect(await ids('customer_id=user-1&event_name=api_call&page_size=100')).toEqual(['pg19', 'pg17', 'pg15', 'pg13', 'pg11', 'pg9', 'pg7', 'pg5', 'pg3', 'pg1']);
    expect(await ids(`event_name=upload&start=${encodeURIComponent(events[4]!.timestamp)}&end=${encodeURIComponent(events[12]!.timestamp)}`)).toEqual(['pg8', 'pg4']);
    expect((await api.get('/events/pg3')).body).toEqual({ business_id: 'bus_tally', ...events[3] });
    expect((await api.get('/events/nope')).status).toBe(404);
    // Modes stay apart on PostgreSQL too.
    expect((await api.withKey(srv.liveApiKey).get('/events')).body.items).toEqual([]);
  });

  it('creates, lists, updates customers and keeps external_id unique', async () => {
    const grace = (await api.post('/customers', { name: 'Grace Hopper', email: 'Grace@Example.com' })).body;
    expect((await api.get('/customers?email=grace@example.com')).body.items.map((c: { customer_id: string }) => c.customer_id)).toEqual([grace.customer_id]);
    expect((await api.patch(`/customers/${grace.customer_id}`, { metadata: { tier: 'gold' } })).body.metadata).toEqual({ tier: 'gold' });
    expect((await api.post('/customers', { name: 'x', email: 'x@example.com', external_id: 'user-1' })).status).toBe(409);
  });

  it('reports ready while the database answers', async () => {
    expect((await api.get('/health/ready')).body).toEqual({ status: 'ready' });
  });
});
