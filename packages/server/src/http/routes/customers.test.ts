import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

let srv: TestServer;
let api: ApiClient;
beforeAll(async () => {
  srv = await startTestServer();
  api = apiClient(srv.url, srv.apiKey);
});
afterAll(() => srv.close());

describe('customers', () => {
  it('creates, reads, lists and updates a customer', async () => {
    const created = await api.post('/customers', { name: 'Ada Lovelace', email: 'ada@example.com', metadata: { plan: 'pro' } });
    expect(created.status).toBe(200);
    const c = created.body;
    expect(c).toMatchObject({ business_id: 'bus_tally', name: 'Ada Lovelace', email: 'ada@example.com', metadata: { plan: 'pro' }, external_id: null, phone_number: null });
    expect(c.customer_id).toMatch(/^cus_[0-9A-Za-z]{22}$/);
    expect(Date.parse(c.created_at)).toBeGreaterThan(0);
    expect((await api.get(`/customers/${c.customer_id}`)).body).toEqual(c);

    const patched = await api.patch(`/customers/${c.customer_id}`, { name: 'Ada L.', external_id: 'user-1', email: null });
    expect(patched.body).toMatchObject({ name: 'Ada L.', external_id: 'user-1', email: 'ada@example.com' });

    await api.post('/customers', { name: 'Grace', email: 'grace@example.com' });
    expect((await api.get('/customers?name=ada')).body.items.map((x: { name: string }) => x.name)).toEqual(['Ada L.']);
    expect((await api.get('/customers?email=GRACE@example.com')).body.items).toHaveLength(1);
    expect((await api.get('/customers?page_size=1&page_number=1')).body.items[0].name).toBe('Ada L.');
  });

  it('rejects invalid customers with 400 naming the field', async () => {
    const cases = [
      {},
      { name: 'x' },
      { name: '', email: 'a@b.c' },
      { name: 'x', email: 'not-an-email' },
      { name: 'x', email: 'a@b.c', metadata: { nested: { a: 1 } } },
      { name: 'x', email: 'a@b.c', unknown_field: 1 },
      { name: 5, email: 'a@b.c' },
    ];
    for (const body of cases) {
      const r = await api.post('/customers', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.details.issues.length).toBeGreaterThan(0);
    }
  });

  it('keeps external_id unique in a mode (409)', async () => {
    await api.post('/customers', { name: 'a', email: 'a@example.com', external_id: 'dup' });
    const r = await api.post('/customers', { name: 'b', email: 'b@example.com', external_id: 'dup' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('conflict');
  });

  it('answers 404 for an unknown customer', async () => {
    expect((await api.get('/customers/cus_missing')).status).toBe(404);
    expect((await api.patch('/customers/cus_missing', { name: 'x' })).status).toBe(404);
  });
});
