import { apiClient, startTestServer, type ApiClient, type TestServer } from '@tally/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, openBrowser, poll, type Browser } from './browser';
import { ensureBuilt } from './e2e-setup';

const skip = chromiumMissing();

describe.skipIf(skip)('dashboard: overview numbers and customers', { timeout: 60_000 }, () => {
  let srv: TestServer;
  let api: ApiClient;
  let b: Browser;
  beforeAll(async () => {
    ensureBuilt();
    [srv, b] = await Promise.all([startTestServer(), openBrowser({ width: 1280, height: 900 })]);
    api = apiClient(srv.url, srv.apiKey);
    const now = Date.now();
    const events = ['wayne', 'wayne', 'stark', 'ghost', 'ghost', 'ghost'].map((customer_id, i) => ({
      event_id: `ov-${i}`, customer_id, event_name: 'api_call', timestamp: new Date(now - i * 1000).toISOString(),
    }));
    await api.post('/customers', { name: 'Wayne Enterprises', email: 'bruce@wayne.test', external_id: 'wayne' });
    expect((await api.post('/events/ingest', { events })).status).toBe(200);
    // One invalid batch: the rejected counter and the failed-request count must show it.
    expect((await api.post('/events/ingest', { events: [{ event_id: '', customer_id: 'x', event_name: 'y' }] })).status).toBe(400);
    await b.page.goto(`${srv.url}/dashboard/`);
    await b.page.getByLabel('API key').fill(srv.apiKey);
    await b.page.getByRole('button', { name: 'Sign in' }).click();
  });
  afterAll(async () => {
    await b?.close();
    await srv?.close();
  });

  it('shows events of the last hour, the unknown customers and the rejected events', async () => {
    const { page } = b;
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await poll(() => page.getByTestId('events-last-hour').textContent()).toBe('6');
    const unknown = await page.getByTestId('unknown-customers').locator('tbody tr').allInnerTexts();
    expect(unknown.map((r) => r.split('\t').slice(0, 2).map((s) => s.trim()))).toEqual([['ghost', '3'], ['stark', '1']]);
    await poll(() => page.getByTestId('tile-rejected').locator('.tile-value').textContent()).toBe('1');
    expect(await page.getByTestId('tile-ingested').locator('.tile-value').textContent()).toBe('6');
    await b.shot('overview-data');
  });

  it('searches customers server-side and creates one, whose page opens', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByText('New customer').click();
    const form = page.getByRole('form', { name: 'Create a customer' });
    await form.getByLabel('Name').fill('Stark Industries');
    await form.getByLabel('Email').fill('tony@stark.test');
    await form.getByLabel('External ID (optional)').fill('stark');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: 'Stark Industries' }).waitFor();
    await b.shot('customer-page');
    await page.getByRole('link', { name: '← Customers' }).click();
    await page.getByLabel('Name contains').fill('wayne');
    await page.getByRole('button', { name: 'Search' }).click();
    await poll(() => page.getByTestId('customers-table').locator('tbody tr').allInnerTexts()).toHaveLength(1);
    expect(await page.getByTestId('customers-table').textContent()).toContain('Wayne Enterprises');
    await b.shot('customers');
  });

  it('live-tails new events as they are ingested', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByLabel(/Live tail/).check();
    await page.getByText('live', { exact: true }).waitFor();
    const ingest = await api.post('/events/ingest', { events: [{ event_id: 'tail-1', customer_id: 'wayne', event_name: 'api_call' }] });
    expect(ingest.status).toBe(200);
    await page.getByRole('link', { name: 'tail-1' }).waitFor({ timeout: 6000 });
    await b.shot('events-live');
    await page.getByLabel(/Live tail/).uncheck();
  });

  it('shows latency percentiles and error rates by endpoint, when the server has the analytics', async (ctx) => {
    const doc = await (await fetch(`${srv.url}/openapi.json`)).json();
    if (!doc.paths['/analytics/api-calls']) {
      console.log('this server has no GET /analytics/api-calls: the API performance check is skipped');
      return ctx.skip();
    }
    const now = Date.now();
    const calls = Array.from({ length: 20 }, (_, i) => ({
      event_id: `call-${i}`, customer_id: 'wayne', event_name: 'api_call', timestamp: new Date(now - i * 1000).toISOString(),
      metadata: { endpoint: i < 15 ? '/v1/users' : '/v1/orders', method: 'GET', status_code: i % 5 === 0 ? 500 : 200, response_time_ms: 10 * (i + 1) },
    }));
    expect((await api.post('/events/ingest', { events: calls })).status).toBe(200);
    const { page } = b;
    await page.getByRole('link', { name: 'API performance' }).click();
    const users = page.getByTestId('api-perf').getByRole('row', { name: /\/v1\/users/ });
    // 15 calls, 3 of them 500s: a 20.0% 5xx rate.
    await poll(() => users.innerText()).toMatch(/\/v1\/users\s+15\s+0\.0%\s+20\.0%/);
    await b.shot('api-performance');
  });

  it('is readable on a phone', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    // Nothing wider than the screen but the scrollable nav and tables.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await b.shot('overview-phone');
  });
});
