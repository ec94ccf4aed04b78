import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

let srv: TestServer;
let api: ApiClient;
let n = 0;
const ev = (over: Record<string, unknown> = {}) => ({ event_id: `ing_${++n}`, customer_id: 'cust_a', event_name: 'api_call', ...over });
const count = async (q = '') => (await api.get(`/events?page_size=100${q}`)).body.items.length as number;

beforeAll(async () => {
  srv = await startTestServer({ bodyLimit: 256 * 1024 });
  api = apiClient(srv.url, srv.apiKey);
});
afterAll(() => srv.close());

describe('POST /events/ingest', () => {
  it('stores events, skips stored event_ids and names unknown customers', async () => {
    const a = ev({ metadata: { tokens: 150, model: 'gpt', cached: true } });
    const b = ev({ timestamp: new Date(Date.now() - 60_000).toISOString() });
    const first = await api.post('/events/ingest', { events: [a, b] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ ingested_count: 2, duplicate_count: 0, unknown_customer_ids: ['cust_a'] });
    const again = await api.post('/events/ingest', { events: [a, ev()] });
    expect(again.body).toMatchObject({ ingested_count: 1, duplicate_count: 1 });
    const stored = await api.get(`/events/${a.event_id}`);
    expect(stored.body).toMatchObject({ event_id: a.event_id, customer_id: 'cust_a', metadata: a.metadata });
  });

  it('knows customers by customer_id and by external_id', async () => {
    const c = (await api.post('/customers', { name: 'Known', email: 'k@example.com', external_id: 'user-7' })).body;
    const r = await api.post('/events/ingest', { events: [ev({ customer_id: c.customer_id }), ev({ customer_id: 'user-7' }), ev({ customer_id: 'ghost' })] });
    expect(r.body.unknown_customer_ids).toEqual(['ghost']);
  });

  it('rejects the whole request, naming each bad event by index, event_id and field', async () => {
    const before = await count();
    const r = await api.post('/events/ingest', {
      events: [
        ev(),
        ev({ metadata: { nested: { a: 1 } } }),
        ev({ customer_id: 5 }),
        { customer_id: 'x', event_name: 'y' },
        ev({ timestamp: 'yesterday' }),
        ev({ metadata: { list: [1, 2] } }),
        ev({ event_name: '' }),
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_request');
    const issues = r.body.details.issues as Array<{ index: number; field: string; event_id?: string }>;
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [1, 'metadata.nested'], [2, 'customer_id'], [3, 'event_id'], [4, 'timestamp'], [5, 'metadata.list'], [6, 'event_name'],
    ]);
    expect(issues[0]!.event_id).toMatch(/^ing_/);
    expect(await count()).toBe(before);
  });

  it('treats a repeated event_id inside one request as a 400', async () => {
    const a = ev();
    const r = await api.post('/events/ingest', { events: [a, ev(), { ...a }] });
    expect(r.status).toBe(400);
    expect(r.body.details.issues).toEqual([expect.objectContaining({ index: 2, event_id: a.event_id, field: 'event_id' })]);
    expect((await api.get(`/events/${a.event_id}`)).status).toBe(404);
  });

  it('enforces the accepted time window', async () => {
    const old = new Date(Date.now() - 36 * 86_400_000).toISOString();
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const r = await api.post('/events/ingest', { events: [ev({ timestamp: old }), ev({ timestamp: future }), ev({ timestamp: '2024-02-30T00:00:00Z' })] });
    expect(r.status).toBe(400);
    expect(r.body.details.issues.map((i: { message: string }) => i.message)).toEqual([
      expect.stringMatching(/older than/), expect.stringMatching(/future/), expect.stringMatching(/RFC 3339/),
    ]);
  });

  it('accepts 1 to 1000 events, no more, no fewer', async () => {
    expect((await api.post('/events/ingest', { events: [] })).status).toBe(400);
    const many = Array.from({ length: 1001 }, () => ev());
    const r = await api.post('/events/ingest', { events: many });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/1 to 1000/);
    expect((await api.post('/events/ingest', { events: many.slice(0, 1000) })).body.ingested_count).toBe(1000);
  });

  it.each([
    ['malformed JSON', '{"events": [', 'application/json', 422],
    ['NaN', '{"events": [{"event_id": "x", "customer_id": "c", "event_name": "n", "metadata": {"v": NaN}}]}', 'application/json', 422],
    ['an empty body', '', 'application/json', 422],
    ['a non-object body', '[1,2]', 'application/json', 400],
    ['events not an array', '{"events": {"a": 1}}', 'application/json', 400],
    ['the wrong content type', 'events=1', 'application/x-www-form-urlencoded', 415],
    ['text/plain', '{"events": []}', 'text/plain', 415],
  ])('answers %s with a JSON 4xx', async (_name, body, type, status) => {
    const r = await api.post('/events/ingest', body, { 'content-type': type });
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('rejects huge strings and over-limit metadata precisely', async () => {
    const keys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    const r = await api.post('/events/ingest', {
      events: [ev({ event_id: 'x'.repeat(256) }), ev({ metadata: { s: 'y'.repeat(501) } }), ev({ metadata: keys }), ev({ metadata: { ['k'.repeat(101)]: 1 } })],
    });
    expect(r.status).toBe(400);
    expect(r.body.details.issues.map((i: { field: string }) => i.field)).toEqual(['event_id', 'metadata.s', 'metadata', 'metadata']);
  });

  it('answers 413 for a body over the configured limit', async () => {
    const big = Array.from({ length: 600 }, () => ev({ metadata: { pad: 'p'.repeat(450) } }));
    const r = await api.post('/events/ingest', { events: big });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('payload_too_large');
  });

  it('accepts gzip bodies, and limits their decompressed size', async () => {
    const a = ev();
    const r = await api.post('/events/ingest', gzipSync(JSON.stringify({ events: [a] })), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(r.body).toMatchObject({ ingested_count: 1 });
    const bomb = gzipSync(JSON.stringify({ events: [ev({ metadata: { pad: ' '.repeat(400) } })], pad: 'z'.repeat(1024 * 1024) }));
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect((await api.post('/events/ingest', bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(413);
    const corrupt = await api.post('/events/ingest', Buffer.from('not gzip at all'), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    const br = await api.post('/events/ingest', '{}', { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(br.status).toBe(415);
  });
});
