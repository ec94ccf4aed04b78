import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

// GET /events?meter_id= through the real server: the meter's event name and filter.

let srv: TestServer;
let api: ApiClient;
let meterId: string;
const t0 = Date.now() - 3_600_000;
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();

beforeAll(async () => {
  srv = await startTestServer();
  api = apiClient(srv.url, srv.apiKey);
  const m = await api.post('/meters', {
    name: 'Paid GPT tokens', event_name: 'llm', measurement_unit: 'tokens', aggregation: { type: 'sum', key: 'tokens' },
    filter: { conjunction: 'and', clauses: [
      { conjunction: 'and', clauses: [{ key: 'model', operator: 'contains', value: 'gpt' }] },
      { conjunction: 'or', clauses: [{ key: 'tokens', operator: 'greater_than', value: 100 }, { key: 'tier', operator: 'equals', value: 'pro' }] },
    ] },
  });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  meterId = m.body.id;
  const events = [
    { event_id: 'm1', event_name: 'llm', metadata: { model: 'gpt-4', tokens: 150 } }, // matches
    { event_id: 'm2', event_name: 'llm', metadata: { model: 'gpt-4', tokens: 50 } }, // tokens too few, no tier
    { event_id: 'm3', event_name: 'llm', metadata: { model: 'gpt-4', tokens: 50, tier: 'pro' } }, // matches through tier
    { event_id: 'm4', event_name: 'llm', metadata: { model: 'claude', tokens: 500 } }, // model differs
    { event_id: 'm5', event_name: 'LLM', metadata: { model: 'gpt-4', tokens: 500 } }, // name differs by case
    { event_id: 'm6', event_name: 'other', metadata: { model: 'gpt-4', tokens: 500 } }, // name differs
    { event_id: 'm7', event_name: 'llm', metadata: { tokens: 500 } }, // filtered key missing
    { event_id: 'm8', event_name: 'llm', metadata: { model: 'gpt-3.5', tokens: 101 } }, // matches
    { event_id: 'm9', event_name: 'llm', metadata: { model: 'gpt-4', tokens: '150' } }, // a string is not > 100
  ].map((e, i) => ({ ...e, customer_id: i % 2 === 0 ? 'alice' : 'bob', timestamp: at(i) }));
  expect((await api.post('/events/ingest', { events })).status).toBe(200);
});
afterAll(() => srv.close());

const ids = async (q: string) => {
  const r = await api.get(`/events?${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items.map((e: { event_id: string }) => e.event_id);
};

describe('GET /events?meter_id=', () => {
  it("lists only events of the meter's event name that pass its filter, newest first", async () => {
    expect(await ids(`meter_id=${meterId}`)).toEqual(['m8', 'm3', 'm1']);
  });

  it('combines with the other filters and pages over matches only', async () => {
    expect(await ids(`meter_id=${meterId}&customer_id=alice`)).toEqual(['m3', 'm1']);
    expect(await ids(`meter_id=${meterId}&event_name=llm`)).toEqual(['m8', 'm3', 'm1']);
    expect(await ids(`meter_id=${meterId}&page_size=2`)).toEqual(['m8', 'm3']);
    expect(await ids(`meter_id=${meterId}&page_size=2&page_number=1`)).toEqual(['m1']);
    expect(await ids(`meter_id=${meterId}&start=${encodeURIComponent(at(2))}&end=${encodeURIComponent(at(7))}`)).toEqual(['m3']);
  });

  it('400 when event_name is also given and differs (even by case only)', async () => {
    for (const name of ['other', 'LLM']) {
      const r = await api.get(`/events?meter_id=${meterId}&event_name=${name}`);
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/event_name/);
    }
  });

  it('404 for an unknown meter, and for a meter of the other mode', async () => {
    const r = await api.get('/events?meter_id=mtr_nope');
    expect(r.status).toBe(404);
    expect((await api.withKey(srv.liveApiKey).get(`/events?meter_id=${meterId}`)).status).toBe(404);
  });

});
