import { apiClient, startTestServer, type ApiClient, type TestServer } from '@tally/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, openBrowser, poll, type Browser } from './browser';
import { ensureBuilt } from './e2e-setup';

const skip = chromiumMissing();

/** llm_call events: tokens per customer and endpoint; only /v1/chat is metered. */
function events(prefix: string, rows: [customer: string, endpoint: string, tokens: number, model: string][]) {
  const now = Date.now();
  return rows.map(([customer_id, endpoint, tokens, model], i) => ({
    event_id: `${prefix}-${i}`,
    customer_id,
    event_name: 'llm_call',
    timestamp: new Date(now - (i + 1) * 60_000).toISOString(),
    metadata: { endpoint, tokens, model },
  }));
}

describe.skipIf(skip)('dashboard: a meter from creation to the usage chart and table', { timeout: 60_000 }, () => {
  let srv: TestServer;
  let api: ApiClient;
  let b: Browser;
  beforeAll(async () => {
    ensureBuilt();
    [srv, b] = await Promise.all([startTestServer(), openBrowser()]);
    api = apiClient(srv.url, srv.apiKey);
    await api.post('/customers', { name: 'Acme', email: 'ops@acme.test', external_id: 'acme' });
    await api.post('/customers', { name: 'Globex', email: 'ops@globex.test', external_id: 'globex' });
    // Before the meter exists: the preview reads these, and the backfill counts them.
    const before = await api.post('/events/ingest', { events: events('before', [
      ['acme', '/v1/chat', 100, 'small'], ['acme', '/v1/embed', 1000, 'small'], ['globex', '/v1/chat', 75, 'large'], ['acme', '/v1/chat', 250, 'large'],
    ]) });
    expect(before.status).toBe(200);
    await b.page.goto(`${srv.url}/dashboard/`);
    await b.page.getByLabel('API key').fill(srv.apiKey);
    await b.page.getByRole('button', { name: 'Sign in' }).click();
    await b.page.getByRole('heading', { name: 'Overview' }).waitFor();
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  it('builds a filtered meter whose preview counts the matching recent events', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Meters', exact: true }).click();
    await page.getByRole('link', { name: 'New meter' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Chat tokens');
    await page.getByLabel('Event name').fill('llm_call');
    await page.getByLabel('Aggregation').selectOption('sum');
    await page.getByLabel('Metadata key to aggregate').fill('tokens');
    await page.getByLabel('Measurement unit').fill('tokens');
    await page.getByLabel('Group by keys (optional)').fill('model');
    await poll(() => page.getByTestId('filter-preview').textContent()).toMatch(/4\s*of the 4 most recent/);
    await page.getByRole('button', { name: '+ Condition' }).click();
    const cond = page.getByRole('group', { name: 'Condition 1' });
    await cond.getByLabel('Metadata key').fill('endpoint');
    await cond.getByLabel('Value').fill('/v1/chat');
    await poll(() => page.getByTestId('filter-preview').textContent()).toMatch(/3\s*of the 4 most recent/);
    await b.shot('meter-create');
    await page.getByRole('button', { name: 'Create meter' }).click();
    await page.getByRole('heading', { name: 'Chat tokens' }).waitFor();
  });

  it('shows backfilled and newly ingested usage in the chart and the per-customer table', async () => {
    const { page } = b;
    const after = await api.post('/events/ingest', { events: events('after', [['globex', '/v1/chat', 25, 'small'], ['acme', '/v1/chat', 50, 'small']]) });
    expect(after.status).toBe(200);
    // acme 100 + 250 + 50 = 400; globex 75 + 25 = 100; the /v1/embed event is filtered out.
    await expect.poll(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      return page.getByTestId('usage-total').textContent({ timeout: 2000 }).catch(() => '');
    }, { timeout: 15_000 }).toBe('500');
    const rows = page.getByTestId('customer-usage-table').locator('tbody tr');
    await poll(() => rows.allInnerTexts()).toHaveLength(2);
    const cells = (await rows.allInnerTexts()).map((t) => t.split('\t').map((s) => s.trim()));
    expect(cells.map((c) => c[1])).toEqual(['400', '100']);
    await page.getByText('Values per window').click();
    const windows = await page.getByTestId('window-table').locator('tbody td.num').allInnerTexts();
    expect(windows.map(Number).reduce((s, v) => s + v, 0)).toBe(500);
    await b.shot('meter-usage');
    // Split by the meter's group key: per customer and model.
    await page.getByLabel('Group by').selectOption('model');
    await poll(async () => (await rows.allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()).slice(1))).toEqual([
      ['large', '250'], ['small', '150'], ['large', '75'], ['small', '25'],
    ]);
    await page.getByLabel('Group by').selectOption('');
    // Another zone: the same total, windows labelled in that zone; a bad zone is never sent.
    await page.getByLabel('Time zone').fill('Mars/Base');
    await page.getByLabel('Time zone').press('Enter');
    await page.getByText('not an IANA time zone').waitFor();
    await page.getByLabel('Time zone').fill('Asia/Kolkata');
    await page.getByLabel('Time zone').press('Enter');
    await poll(() => page.getByTestId('window-table').locator('th').first().textContent()).toBe('Window start (Asia/Kolkata)');
    expect(await page.getByTestId('usage-total').textContent()).toBe('500');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await b.shot('meter-usage-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("shows a customer's usage this month and current-period charges", async () => {
    const { page } = b;
    const meterId = page.url().split('/').pop()!;
    const plan = await api.post('/plans', {
      name: 'Pay as you go', currency: 'USD', billing_interval: { unit: 'month', count: 1 },
      components: [{ meter_id: meterId, price_per_unit: '0.01', free_threshold: 100 }],
    });
    expect(plan.status).toBe(201);
    const acme = (await api.get('/customers?name=Acme')).body.items[0];
    const now = new Date();
    const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
    expect((await api.post(`/customers/${acme.customer_id}/subscriptions`, { plan_id: plan.body.id, billing_anchor: anchor })).status).toBe(201);
    await page.getByRole('link', { name: acme.customer_id }).click();
    await page.getByRole('heading', { name: 'Acme' }).waitFor();
    await poll(() => page.getByTestId('customer-meter-usage').locator('tbody tr').first().innerText()).toMatch(/Chat tokens\s+400\s+tokens/);
    // 400 used, 100 free, 300 charged at 0.01 = USD 3.00, exact.
    const charge = page.getByTestId('current-charges').locator('tbody tr').first();
    await poll(() => charge.innerText()).toMatch(/Chat tokens\s+400\s+100\s+300\s+0\.01 USD\s+USD 3\.00/);
    await b.shot('customer-charges');
    await page.goBack();
  });

  it('lists the meter, archives and unarchives it', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Meters', exact: true }).click();
    await page.getByRole('button', { name: 'Archive Chat tokens' }).click();
    await page.getByRole('button', { name: 'Archived', exact: true }).click();
    await page.getByRole('button', { name: 'Unarchive Chat tokens' }).click();
    await page.getByRole('button', { name: 'Active', exact: true }).click();
    await page.getByRole('link', { name: 'Chat tokens' }).waitFor();
    await b.shot('meters');
  });

  it('filters events server-side and opens one with its per-meter explanation', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Chat tokens' }).click();
    await page.getByRole('link', { name: 'Events it counts' }).click();
    // The five /v1/chat events, not the /v1/embed one.
    await poll(() => page.getByTestId('events-table').locator('tbody tr').count()).toBe(5);
    expect(await page.getByLabel('Meter ID').inputValue()).toMatch(/^mtr_/);
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Customer ID').fill('globex');
    await page.getByRole('button', { name: 'Apply' }).click();
    const rows = page.getByTestId('events-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    await b.shot('events');
    await page.getByRole('link', { name: 'before-2' }).click();
    await page.getByRole('heading', { name: /Event before-2/ }).waitFor();
    await poll(() => page.getByTestId('explanations').textContent()).toContain('Chat tokens: counts');
    await b.shot('event-detail');
    // The /v1/embed event is filtered out, and the page says which clause failed.
    await page.goto(`${srv.url}/dashboard/events/before-1`);
    await poll(() => page.getByTestId('explanations').textContent()).toMatch(/Chat tokens: does not count.*endpoint/);
    // A name that differs only in case is the usual mistake: that meter is asked too.
    const wrong = { event_id: 'case-1', customer_id: 'acme', event_name: 'LLM_call', metadata: { endpoint: '/v1/chat', tokens: 1 } };
    expect((await api.post('/events/ingest', { events: [wrong] })).status).toBe(200);
    await page.goto(`${srv.url}/dashboard/events/case-1`);
    await poll(() => page.getByTestId('explanations').textContent()).toMatch(/Chat tokens: does not count.*LLM_call/);
  });
});
