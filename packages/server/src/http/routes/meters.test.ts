import DodoPayments from 'dodopayments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.js';

let t: TestServer;
let client: DodoPayments;
const call = async (method: string, path: string, body?: unknown, key = t.apiKey) => {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

beforeAll(async () => {
  t = await startTestServer();
  client = new DodoPayments({ bearerToken: t.apiKey, baseURL: t.url, maxRetries: 0 });
});
afterAll(() => t.close());

describe('meters API through the dodopayments client', () => {
  it('creates, retrieves, lists, archives and unarchives', async () => {
    const m = await client.meters.create({
      name: 'Tokens', event_name: 'llm', measurement_unit: 'tokens', aggregation: { type: 'sum', key: 'tokens' },
      filter: { conjunction: 'and', clauses: [{ key: 'model', operator: 'equals', value: 'gpt' }] },
    });
    expect(m.id).toMatch(/^mtr_/);
    expect(m).toMatchObject({ name: 'Tokens', event_name: 'llm', aggregation: { type: 'sum', key: 'tokens' } });
    expect((await client.meters.retrieve(m.id)).id).toBe(m.id);
    const listed = [];
    for await (const x of client.meters.list()) listed.push(x.id);
    expect(listed).toContain(m.id);
    await client.meters.archive(m.id);
    expect((await client.meters.list({ archived: true })).items.map((x) => x.id)).toContain(m.id);
    expect((await client.meters.list()).items.map((x) => x.id)).not.toContain(m.id);
    await client.meters.unarchive(m.id);
    expect((await client.meters.retrieve(m.id) as unknown as { archived: boolean }).archived).toBe(false);
  });

  it('answers 404 for an unknown meter and keeps modes apart', async () => {
    await expect(client.meters.retrieve('mtr_nope')).rejects.toMatchObject({ status: 404 });
    const m = await call('POST', '/meters', { name: 'n', event_name: 'e', measurement_unit: 'u', aggregation: { type: 'count' } });
    expect(m.status).toBe(201);
    expect((await call('GET', `/meters/${m.body.id}`, undefined, t.liveApiKey)).status).toBe(404);
  });

  it('refuses an invalid meter with a 400 naming every problem', async () => {
    const r = await call('POST', '/meters', {
      name: 'x', event_name: 'e', measurement_unit: 'u', aggregation: { type: 'sum' },
      filter: { conjunction: 'and', clauses: [{ key: 'a', operator: 'like', value: 1 }] },
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/aggregation\.key/);
    expect(r.body.message).toMatch(/operator/);
    const deep = { conjunction: 'and', clauses: [{ conjunction: 'and', clauses: [{ conjunction: 'and', clauses: [{ conjunction: 'and', clauses: [{ key: 'a', operator: 'equals', value: 1 }] }] }] }] };
    expect((await call('POST', '/meters', { name: 'x', event_name: 'e', measurement_unit: 'u', aggregation: { type: 'count' }, filter: deep })).body.message).toMatch(/depth|nest|level/i);
    expect((await call('POST', '/meters', { name: 'x', event_name: 'e', measurement_unit: 'u', aggregation: { type: 'count' }, filter: { conjunction: 'or', clauses: [] } })).status).toBe(400);
    expect((await call('POST', '/meters', { name: 'x', event_name: 'e', measurement_unit: 'u', aggregation: { type: 'count' }, group_by_keys: 'model' })).status).toBe(400);
    expect((await call('POST', '/meters', { name: 'x', event_name: 'e', measurement_unit: 'u', aggregation: { type: 'count' } }, t.readOnlyApiKey)).status).toBe(403);
  });
});
