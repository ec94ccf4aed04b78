import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

// GET /events/{event_id}/explain?meter_id= through the real server: every reason.

let srv: TestServer;
let api: ApiClient;
let meterId: string;
let known: string;
const ts = '2026-11-01T10:00:00.000Z';
const now = () => new Date(Date.now() - 60_000).toISOString();

beforeAll(async () => {
  srv = await startTestServer({ window: { maxAgeMs: 10 * 365 * 86_400_000, maxFutureMs: 5 * 60_000 } });
  api = apiClient(srv.url, srv.apiKey);
  known = (await api.post('/customers', { name: 'Ada', email: 'ada@example.com', external_id: 'ada-ext' })).body.customer_id;
  const m = await api.post('/meters', {
    name: 'Big GPT tokens', event_name: 'llm.tokens', measurement_unit: 'tokens', aggregation: { type: 'sum', key: 'tokens' },
    filter: { conjunction: 'and', clauses: [
      { key: 'model', operator: 'equals', value: 'gpt-4' },
      { key: 'size', operator: 'greater_than', value: 100 },
    ] },
  });
  expect(m.status, JSON.stringify(m.body)).toBe(201);
  meterId = m.body.id;
  const base = { event_name: 'llm.tokens', customer_id: known, timestamp: ts };
  const events = [
    { ...base, event_id: 'ok', metadata: { model: 'gpt-4', size: 101, tokens: 5 } },
    { ...base, event_id: 'ok-by-ext', customer_id: 'ada-ext', metadata: { model: 'gpt-4', size: 101, tokens: 5 } },
    { ...base, event_id: 'other-name', event_name: 'llm.prompt', metadata: { model: 'gpt-4', size: 101, tokens: 5 } },
    { ...base, event_id: 'case-only', event_name: 'LLM.Tokens', metadata: { model: 'gpt-4', size: 101, tokens: 5 } },
    { ...base, event_id: 'ghost', customer_id: 'nobody', metadata: { model: 'gpt-4', size: 101, tokens: 5 } },
    { ...base, event_id: 'wrong-model', metadata: { model: 'claude', size: 101, tokens: 5 } },
    { ...base, event_id: 'no-tokens', metadata: { model: 'gpt-4', size: 101 } },
    { ...base, event_id: 'string-150', metadata: { model: 'gpt-4', size: '150', tokens: '150' } },
    { ...base, event_id: 'everything', event_name: 'other', customer_id: 'nobody', metadata: { model: 'claude', size: 3 } },
  ];
  expect((await api.post('/events/ingest', { events })).status).toBe(200);
});
afterAll(() => srv.close());

async function explain(eventId: string, meter = meterId, extra = '') {
  const r = await api.get(`/events/${encodeURIComponent(eventId)}/explain?meter_id=${meter}${extra}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { event_id: string; meter_id: string; counts: boolean; reasons: Array<Record<string, unknown>> };
}
const codes = (x: { reasons: Array<Record<string, unknown>> }) => x.reasons.map((r) => r.code);

describe('GET /events/{event_id}/explain', () => {
  it('says an event counts, with no reasons, whether it names the customer by customer_id or external_id', async () => {
    expect(await explain('ok')).toEqual({ event_id: 'ok', meter_id: meterId, counts: true, reasons: [] });
    expect((await explain('ok-by-ext')).counts).toBe(true);
  });

  it('event name differs, and says when only the case differs', async () => {
    const other = await explain('other-name');
    expect(other.counts).toBe(false);
    expect(other.reasons).toEqual([expect.objectContaining({ code: 'event_name_mismatch', expected: 'llm.tokens', actual: 'llm.prompt', case_only: false })]);
    const caseOnly = await explain('case-only');
    expect(caseOnly.reasons).toEqual([expect.objectContaining({ code: 'event_name_mismatch', actual: 'LLM.Tokens', case_only: true })]);
    expect(caseOnly.reasons[0]!.message).toMatch(/case/);
  });

  it('unknown customer', async () => {
    const r = await explain('ghost');
    expect(r.counts).toBe(false);
    expect(codes(r)).toEqual(['unknown_customer']);
  });

  it('names the false filter clause, with the value the event sent', async () => {
    const r = await explain('wrong-model');
    expect(r.reasons).toEqual([expect.objectContaining({
      code: 'filter_clause_false', path: 'filter.clauses[0]', actual: 'claude', missing: false, cause: 'condition_false',
      condition: { key: 'model', operator: 'equals', value: 'gpt-4' },
    })]);
    expect(r.reasons[0]!.message).toMatch(/claude/);
  });

  it('the aggregated key missing', async () => {
    const r = await explain('no-tokens');
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'missing_key', key: 'tokens', actual: null })]);
  });

  it('a numeric string like "150", in a filter clause and in the aggregated key', async () => {
    const r = await explain('string-150');
    expect(r.reasons).toEqual([
      expect.objectContaining({ code: 'filter_clause_false', path: 'filter.clauses[1]', cause: 'not_numeric_string', actual: '150' }),
      expect.objectContaining({ code: 'not_numeric_string', key: 'tokens', actual: '150' }),
    ]);
    expect(r.reasons[1]!.message).toMatch(/send 150/);
  });

  it('gives every reason at once', async () => {
    const r = await explain('everything');
    expect(codes(r)).toEqual(['event_name_mismatch', 'unknown_customer', 'filter_clause_false', 'filter_clause_false', 'missing_key']);
  });

  it('outside the period asked about', async () => {
    const r = await explain('ok', meterId, `&start=${encodeURIComponent('2026-11-02T00:00:00Z')}&end=${encodeURIComponent('2026-11-03T00:00:00Z')}`);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'outside_period', timestamp: ts })]);
    expect((await explain('ok', meterId, `&start=${encodeURIComponent('2026-11-01T00:00:00Z')}&end=${encodeURIComponent('2026-11-02T00:00:00Z')}`)).counts).toBe(true);
    expect((await api.get(`/events/ok/explain?meter_id=${meterId}&start=nope`)).status).toBe(400);
  });

  it('an archived meter, and counts again once unarchived', async () => {
    const m = await api.post('/meters', { name: 'all', event_name: 'llm.tokens', measurement_unit: 'u', aggregation: { type: 'count' } });
    expect((await api.del(`/meters/${m.body.id}`)).status).toBe(204);
    const r = await explain('ok', m.body.id);
    expect(r.counts).toBe(false);
    expect(codes(r)).toEqual(['meter_archived']);
    expect((await api.post(`/meters/${m.body.id}/unarchive`)).status).toBe(200);
    expect((await explain('ok', m.body.id)).counts).toBe(true);
  });

  it('404 for an unknown event, an unknown meter, and across modes; 400 without meter_id', async () => {
    expect((await api.get(`/events/nope/explain?meter_id=${meterId}`)).status).toBe(404);
    expect((await api.get('/events/ok/explain?meter_id=mtr_nope')).status).toBe(404);
    const live = api.withKey(srv.liveApiKey);
    expect((await live.get(`/events/ok/explain?meter_id=${meterId}`)).status).toBe(404);
    // The event exists in live mode too, but the meter is test mode's.
    await live.post('/events/ingest', { events: [{ event_id: 'ok', customer_id: 'x', event_name: 'llm.tokens', timestamp: now() }] });
    expect((await live.get(`/events/ok/explain?meter_id=${meterId}`)).status).toBe(404);
    expect((await api.get('/events/ok/explain')).status).toBe(400);
  });
});
