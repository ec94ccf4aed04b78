import DodoPayments from 'dodopayments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing/start-test-server.js';

// The official client, pointed at Tally through baseURL, must work unchanged.
let srv: TestServer;
let client: DodoPayments;
beforeAll(async () => {
  srv = await startTestServer();
  client = new DodoPayments({ bearerToken: srv.apiKey, baseURL: srv.url, maxRetries: 0 });
});
afterAll(() => srv.close());

describe('the dodopayments client against Tally', () => {
  it('ingests, lists with auto-paging and retrieves events', async () => {
    const customer = await client.customers.create({ name: 'Ada', email: 'ada@example.com' });
    const events = Array.from({ length: 25 }, (_, i) => ({
      event_id: `dodo_${i}`,
      customer_id: customer.customer_id,
      event_name: 'api_request',
      timestamp: new Date(Date.now() - (25 - i) * 1000).toISOString(),
      metadata: { endpoint: '/v1/users', tokens_used: i },
    }));
    const res = await client.usageEvents.ingest({ events });
    expect(res.ingested_count).toBe(25);

    // Pages count from 0, as upstream documents. The client's auto-pager assumes
    // the first page is 1 unless told, so start it at page_number 0 explicitly.
    const seen: string[] = [];
    for await (const e of client.usageEvents.list({ customer_id: customer.customer_id, page_size: 10, page_number: 0 })) seen.push(e.event_id);
    expect(seen).toEqual(events.map((e) => e.event_id).reverse());

    const one = await client.usageEvents.retrieve('dodo_3');
    expect(one).toMatchObject({ event_id: 'dodo_3', customer_id: customer.customer_id, event_name: 'api_request', metadata: { tokens_used: 3 } });
    expect(one.business_id).toBe('bus_tally');
  });

  it('creates, retrieves, updates and lists customers', async () => {
    const c = await client.customers.create({ name: 'Grace', email: 'grace@example.com', metadata: { tier: 'gold' } });
    expect(c.customer_id).toMatch(/^cus_/);
    expect(await client.customers.retrieve(c.customer_id)).toMatchObject({ name: 'Grace', metadata: { tier: 'gold' } });
    const u = await client.customers.update(c.customer_id, { name: 'Grace Hopper' });
    expect(u.name).toBe('Grace Hopper');
    const page = await client.customers.list({ email: 'grace@example.com' });
    expect(page.items.map((x) => x.customer_id)).toEqual([c.customer_id]);
  });

  it('surfaces errors as the client\'s typed errors', async () => {
    await expect(client.usageEvents.retrieve('missing')).rejects.toBeInstanceOf(DodoPayments.NotFoundError);
    await expect(client.usageEvents.ingest({ events: [] })).rejects.toBeInstanceOf(DodoPayments.BadRequestError);
    const bad = new DodoPayments({ bearerToken: 'tly_test_wrong', baseURL: srv.url, maxRetries: 0 });
    await expect(bad.usageEvents.list()).rejects.toBeInstanceOf(DodoPayments.AuthenticationError);
    const ro = new DodoPayments({ bearerToken: srv.readOnlyApiKey, baseURL: srv.url, maxRetries: 0 });
    await expect(ro.customers.create({ name: 'x', email: 'x@example.com' })).rejects.toBeInstanceOf(DodoPayments.PermissionDeniedError);
  });
});
