import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, type ApiClient, type ApiReply } from '../../testing/api-client.js';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';
import { startTcpProxy, type TcpProxy } from '../../testing/tcp-proxy.js';

const batch = (tag: string) => ({
  events: Array.from({ length: 5 }, (_, i) => ({ event_id: `${tag}_${i}`, customer_id: 'c1', event_name: 'api_call' })),
});

function expectUnavailable(r: ApiReply, what: string): void {
  expect(r.status, what).toBe(503);
  expect(r.headers.get('retry-after'), what).toMatch(/^\d+$/);
  expect(r.body.code, what).toBe('unavailable');
  expect(JSON.stringify(r.body), what).not.toMatch(/at .*\.(js|ts):\d+/);
}

// The server reaches PostgreSQL through a proxy the test cuts: the machine's
// PostgreSQL keeps running for everyone else.
describePostgres('PostgreSQL outage', () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  let srv: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    schema = await createTestSchema();
    const real = new URL(schema.url);
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const via = new URL(schema.url);
    via.hostname = '127.0.0.1';
    via.port = String(proxy.port);
    srv = await startTestServer({ databaseUrl: via.toString(), poolSize: 3 });
    api = apiClient(srv.url, srv.apiKey);
  });
  afterAll(async () => {
    await srv?.close();
    await proxy?.close();
    await schema?.drop();
  });

  it('answers 503 with Retry-After while the database is unreachable, then recovers by itself', async () => {
    expect((await api.post('/events/ingest', batch('before'))).status).toBe(200);

    proxy.cut();
    const started = Date.now();
    expectUnavailable(await api.get('/health/ready'), 'readiness');
    expectUnavailable(await api.post('/events/ingest', batch('during')), 'ingest');
    expectUnavailable(await api.get('/events'), 'list');
    expectUnavailable(await api.post('/customers', { name: 'x', email: 'x@example.com' }), 'customer create');
    expect(Date.now() - started, 'fails fast, not after a long timeout').toBeLessThan(10_000);
    expect((await api.get('/health')).status, 'liveness needs no database').toBe(200);

    proxy.restore();
    let ready: ApiReply | undefined;
    for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      ready = await api.get('/health/ready');
      if (ready.status === 200) break;
    }
    expect(ready?.status).toBe(200);
    // The client's retry of the refused batch goes through, exactly once.
    expect((await api.post('/events/ingest', batch('during'))).body).toMatchObject({ ingested_count: 5, duplicate_count: 0 });
    expect((await api.post('/events/ingest', batch('during'))).body).toMatchObject({ ingested_count: 0, duplicate_count: 5 });
    expect((await api.get('/events?page_size=100')).body.items).toHaveLength(10);
  });
});
