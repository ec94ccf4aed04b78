import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../testing/api-client.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const event = (id: string) => ({ events: [{ event_id: id, customer_id: 'c', event_name: 'n' }] });

describe('API keys and modes', () => {
  it('answers 401 JSON for a missing, unknown or malformed key', async () => {
    for (const key of [undefined, 'tly_test_nope', '']) {
      const r = await apiClient(srv.url, key).get('/events');
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ code: 'unauthorized', message: expect.any(String) });
    }
    const raw = await fetch(`${srv.url}/events`, { headers: { authorization: 'Basic abc' } });
    expect(raw.status).toBe(401);
  });

  it('lets a read-only key read but not write (403)', async () => {
    const ro = apiClient(srv.url, srv.readOnlyApiKey);
    expect((await ro.get('/events')).status).toBe(200);
    const w = await ro.post('/events/ingest', event('ro-1'));
    expect(w.status).toBe(403);
    expect(w.body.code).toBe('forbidden');
    expect((await ro.post('/customers', { name: 'a', email: 'a@b.c' })).status).toBe(403);
  });

  it('keeps test and live data apart', async () => {
    const test = apiClient(srv.url, srv.apiKey);
    const live = apiClient(srv.url, srv.liveApiKey);
    await test.post('/events/ingest', event('mode-1'));
    const c = (await test.post('/customers', { name: 'T', email: 't@example.com' })).body;
    expect((await live.get('/events/mode-1')).status).toBe(404);
    expect((await live.get(`/customers/${c.customer_id}`)).status).toBe(404);
    expect((await live.get('/events')).body.items).toEqual([]);
    // The same event_id is a new event in the other mode.
    expect((await live.post('/events/ingest', event('mode-1'))).body.ingested_count).toBe(1);
  });

  it('refuses a revoked key at once', async () => {
    const { key, secret } = await srv.server.ctx.keys.create({ mode: 'test_mode', name: 'to-revoke' });
    const api = apiClient(srv.url, secret);
    expect((await api.get('/events')).status).toBe(200);
    await srv.server.ctx.keys.revoke(key.id);
    const r = await api.get('/events');
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/revoked/);
  });

  it('echoes a request ID on every reply', async () => {
    const r = await fetch(`${srv.url}/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(r.headers.get('x-request-id')).toBe('trace-123');
    expect((await fetch(`${srv.url}/health`)).headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
