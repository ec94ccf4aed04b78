import type DodoPayments from 'dodopayments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

// Plans, subscriptions and usage history through the real server, priced by hand.

type UpstreamPeriod = DodoPayments.SubscriptionRetrieveUsageHistoryResponse;
type UpstreamMeter = UpstreamPeriod['meters'][number];

let srv: TestServer;
let api: ApiClient;
let tokens: string;
let calls: string;
beforeAll(async () => {
  srv = await startTestServer({ window: { maxAgeMs: 10 * 365 * 86_400_000, maxFutureMs: 5 * 60_000 } });
  api = apiClient(srv.url, srv.apiKey);
  tokens = (await api.post('/meters', { name: 'Tokens', event_name: 'tok', measurement_unit: 'tokens', aggregation: { type: 'sum', key: 'n' } })).body.id;
  calls = (await api.post('/meters', { name: 'Calls', event_name: 'tok', measurement_unit: 'calls', aggregation: { type: 'count' } })).body.id;
});
afterAll(() => srv.close());

const customer = async (client = api) => (await client.post('/customers', { name: 'C', email: 'c@example.com' })).body.customer_id as string;

async function plan(body: Record<string, unknown>, client = api) {
  const r = await client.post('/plans', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function subscribe(cus: string, planId: string, anchor: string) {
  const r = await api.post(`/customers/${cus}/subscriptions`, { plan_id: planId, billing_anchor: anchor });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function ingestFor(cus: string, tag: string) {
  // Period 1 (Jan 15 – Feb 15): 800 + 700 = 1500 tokens in 2 calls.
  // Period 2 (Feb 15 – Mar 15): 3333 tokens in 1 call (one more just before, one at the end).
  const events = [
    { at: '2026-01-15T00:00:00Z', n: 800 },
    { at: '2026-02-14T23:59:59.999Z', n: 700 },
    { at: '2026-02-15T00:00:00Z', n: 3333 },
    { at: '2026-01-14T23:59:00Z', n: 1_000_000 }, // before the anchor
    { at: '2026-03-15T00:00:00Z', n: 1_000_000 }, // in period 3
  ].map((e, i) => ({ event_id: `${tag}-${i}`, customer_id: cus, event_name: 'tok', timestamp: e.at, metadata: { n: e.n } }));
  expect((await api.post('/events/ingest', { events })).status).toBe(200);
}

async function history(cus: string, q: string) {
  const r = await api.get(`/customers/${cus}/usage-history?${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as Array<UpstreamPeriod & { subscription_id: string }>;
}

// end_date is inclusive, as upstream's: the last instant of the second period.
const twoPeriods = `start_date=${encodeURIComponent('2026-01-15T00:00:00Z')}&end_date=${encodeURIComponent('2026-03-14T23:59:59.999Z')}`;

describe('plans', () => {
  it('creates, gets and lists plans (newest first), one mode at a time', async () => {
    const p = await plan({ name: 'Starter', currency: 'usd', billing_interval: { unit: 'month', count: 1 }, components: [
      { meter_id: tokens, price_per_unit: '0.0025', free_threshold: 1000 },
      { meter_id: calls, price_per_unit: '1' },
    ] });
    expect(p).toMatchObject({
      name: 'Starter', currency: 'USD', billing_interval: { unit: 'month', count: 1 },
      components: [{ meter_id: tokens, price_per_unit: '0.0025', free_threshold: 1000 }, { meter_id: calls, price_per_unit: '1', free_threshold: 0 }],
    });
    expect(p.id).toMatch(/^pln_/);
    expect((await api.get(`/plans/${p.id}`)).body).toEqual(p);
    const later = await plan({ name: 'Later', currency: 'JPY', billing_interval: { unit: 'week', count: 2 }, components: [{ meter_id: calls, price_per_unit: '3', free_threshold: '2.5' }] });
    expect(later.components[0].free_threshold).toBe(2.5);
    const listed = (await api.get('/plans')).body.items.map((x: { id: string }) => x.id);
    expect(listed.indexOf(later.id)).toBeLessThan(listed.indexOf(p.id));
    expect((await api.get('/plans?page_size=1')).body.items.map((x: { id: string }) => x.id)).toEqual([later.id]);

    const live = api.withKey(srv.liveApiKey);
    expect((await live.get(`/plans/${p.id}`)).status).toBe(404);
    expect((await live.get('/plans')).body.items).toEqual([]);
    expect((await api.get('/plans/pln_nope')).status).toBe(404);
  });

  it.each([
    ['an unknown currency', { currency: 'XXY' }, /currency/],
    ['an unknown interval unit', { billing_interval: { unit: 'hour', count: 1 } }, /billing_interval\.unit/],
    ['a zero interval count', { billing_interval: { unit: 'month', count: 0 } }, /billing_interval\.count/],
    ['a price that is not a decimal', { components: [{ meter_id: 'M', price_per_unit: 'cheap' }] }, /price_per_unit/],
    ['a negative price', { components: [{ meter_id: 'M', price_per_unit: '-1' }] }, /negative/],
    ['a negative free threshold', { components: [{ meter_id: 'M', price_per_unit: '1', free_threshold: -5 }] }, /free_threshold/],
    ['an unknown meter', { components: [{ meter_id: 'mtr_nope', price_per_unit: '1' }] }, /mtr_nope/],
    ['a meter priced twice', { components: [{ meter_id: 'M', price_per_unit: '1' }, { meter_id: 'M', price_per_unit: '2' }] }, /already priced/],
    ['no components', { components: [] }, /components/],
  ])('400 for %s', async (_what, over, message) => {
    const body = JSON.parse(JSON.stringify({ name: 'P', currency: 'USD', billing_interval: { unit: 'month', count: 1 }, components: [{ meter_id: 'M', price_per_unit: '1' }], ...over }).replaceAll('"M"', JSON.stringify(tokens)));
    const r = await api.post('/plans', body);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });

  it('a read-only key cannot create plans', async () => {
    const r = await api.withKey(srv.readOnlyApiKey).post('/plans', { name: 'P', currency: 'USD', billing_interval: { unit: 'month', count: 1 }, components: [{ meter_id: tokens, price_per_unit: '1' }] });
    expect(r.status).toBe(403);
  });
});

describe('subscriptions', () => {
  it('subscribes a customer; 404 for an unknown customer; 400 for an unknown plan or an anchor off the minute', async () => {
    const p = await plan({ name: 'S', currency: 'USD', billing_interval: { unit: 'month', count: 1 }, components: [{ meter_id: calls, price_per_unit: '1' }] });
    const cus = await customer();
    const s = await subscribe(cus, p.id, '2026-01-15T00:00:00Z');
    expect(s).toMatchObject({ customer_id: cus, plan_id: p.id, billing_anchor: '2026-01-15T00:00:00.000Z' });
    expect(s.subscription_id).toMatch(/^sub_/);
    expect((await api.post('/customers/cus_nope/subscriptions', { plan_id: p.id, billing_anchor: '2026-01-15T00:00:00Z' })).status).toBe(404);
    expect((await api.post(`/customers/${cus}/subscriptions`, { plan_id: 'pln_nope', billing_anchor: '2026-01-15T00:00:00Z' })).status).toBe(400);
    expect((await api.post(`/customers/${cus}/subscriptions`, { plan_id: p.id, billing_anchor: '2026-01-15T00:00:30Z' })).status).toBe(400);
    expect((await api.post(`/customers/${cus}/subscriptions`, { plan_id: p.id, billing_anchor: 'soon' })).status).toBe(400);
    // A live customer cannot subscribe to a test plan.
    const live = api.withKey(srv.liveApiKey);
    const liveCus = await customer(live);
    expect((await live.post(`/customers/${liveCus}/subscriptions`, { plan_id: p.id, billing_anchor: '2026-01-15T00:00:00Z' })).status).toBe(400);
  });
});

describe('usage history', () => {
  it('USD: two monthly periods with a free threshold, newest first, in upstream shape', async () => {
    const p = await plan({ name: 'USD monthly', currency: 'USD', billing_interval: { unit: 'month', count: 1 }, components: [
      { meter_id: tokens, price_per_unit: '0.0025', free_threshold: 1000 },
      { meter_id: calls, price_per_unit: '0.333', free_threshold: 0 },
    ] });
    const cus = await customer();
    const sub = await subscribe(cus, p.id, '2026-01-15T00:00:00Z');
    await ingestFor(cus, 'usd');
    const items = await history(cus, twoPeriods);
    // Period 1: tokens 1500 − 1000 = 500 × 0.0025 = 1.25 USD = 125 cents; calls 2 × 0.333 = 0.666 → 67 cents.
    // Period 2: tokens 3333 − 1000 = 2333 × 0.0025 = 5.8325 → 583 cents; calls 1 × 0.333 → 33 cents.
    expect(items).toEqual([
      {
        start_date: '2026-02-15T00:00:00.000Z', end_date: '2026-03-15T00:00:00.000Z', subscription_id: sub.subscription_id, meters: [
          { id: tokens, name: 'Tokens', consumed_units: '3333', free_threshold: 1000, chargeable_units: '2333', price_per_unit: '0.0025', currency: 'USD', total_price: 583 },
          { id: calls, name: 'Calls', consumed_units: '1', free_threshold: 0, chargeable_units: '1', price_per_unit: '0.333', currency: 'USD', total_price: 33 },
        ],
      },
      {
        start_date: '2026-01-15T00:00:00.000Z', end_date: '2026-02-15T00:00:00.000Z', subscription_id: sub.subscription_id, meters: [
          { id: tokens, name: 'Tokens', consumed_units: '1500', free_threshold: 1000, chargeable_units: '500', price_per_unit: '0.0025', currency: 'USD', total_price: 125 },
          { id: calls, name: 'Calls', consumed_units: '2', free_threshold: 0, chargeable_units: '2', price_per_unit: '0.333', currency: 'USD', total_price: 67 },
        ],
      },
    ]);
    // Every field upstream declares, with upstream's JSON types.
    const line: UpstreamMeter = items[0]!.meters[0]!;
    const types = Object.fromEntries(Object.entries(line).map(([k, v]) => [k, typeof v]));
    expect(types).toEqual({
      id: 'string', name: 'string', consumed_units: 'string', free_threshold: 'number', chargeable_units: 'string',
      price_per_unit: 'string', currency: 'string', total_price: 'number',
    });
    expect(Number.isInteger(line.total_price)).toBe(true);

    // meter_id keeps one meter; a period under the free threshold charges nothing.
    const only = await history(cus, `${twoPeriods}&meter_id=${calls}`);
    expect(only.map((x) => x.meters.map((m) => [m.id, m.total_price]))).toEqual([[[calls, 33]], [[calls, 67]]]);
  });

  it('JPY (no minor digits): rounds once, half up, to whole yen', async () => {
    const p = await plan({ name: 'JPY monthly', currency: 'JPY', billing_interval: { unit: 'month', count: 1 }, components: [
      { meter_id: tokens, price_per_unit: '0.5', free_threshold: 1000 },
    ] });
    const cus = await customer();
    await subscribe(cus, p.id, '2026-01-15T00:00:00Z');
    await ingestFor(cus, 'jpy');
    const items = await history(cus, twoPeriods);
    // 500 × 0.5 = 250 yen; 2333 × 0.5 = 1166.5 → 1167 yen.
    expect(items.map((x) => [x.start_date, x.meters.map((m) => [m.consumed_units, m.chargeable_units, m.currency, m.total_price])])).toEqual([
      ['2026-02-15T00:00:00.000Z', [['3333', '2333', 'JPY', 1167]]],
      ['2026-01-15T00:00:00.000Z', [['1500', '500', 'JPY', 250]]],
    ]);
  });

  it('a consumption under the free threshold is free; fractional units are exact', async () => {
    const p = await plan({ name: 'Fractions', currency: 'USD', billing_interval: { unit: 'month', count: 1 }, components: [
      { meter_id: tokens, price_per_unit: '0.1', free_threshold: 0.3 },
    ] });
    const cus = await customer();
    await subscribe(cus, p.id, '2026-01-15T00:00:00Z');
    const events = [
      { at: '2026-01-20T00:00:00Z', n: 0.1 }, { at: '2026-01-21T00:00:00Z', n: 0.2 }, // 0.3: all free
      { at: '2026-02-20T00:00:00Z', n: 0.1 }, { at: '2026-02-21T00:00:00Z', n: 55.2 }, // 55.3 − 0.3 = 55 × 0.1 = 5.5 USD
    ].map((e, i) => ({ event_id: `frac-${i}`, customer_id: cus, event_name: 'tok', timestamp: e.at, metadata: { n: e.n } }));
    expect((await api.post('/events/ingest', { events })).status).toBe(200);
    const items = await history(cus, twoPeriods);
    expect(items.map((x) => x.meters.map((m) => [m.consumed_units, m.free_threshold, m.chargeable_units, m.total_price]))).toEqual([
      [['55.3', 0.3, '55', 550]],
      [['0.3', 0.3, '0', 0]],
    ]);
  });

  it('counts events that name the customer by external_id', async () => {
    const p = await plan({ name: 'Ext', currency: 'EUR', billing_interval: { unit: 'month', count: 1 }, components: [{ meter_id: calls, price_per_unit: '0.01' }] });
    const cus = (await api.post('/customers', { name: 'E', email: 'e@example.com', external_id: 'ext-billed' })).body.customer_id;
    await subscribe(cus, p.id, '2026-01-15T00:00:00Z');
    const events = ['2026-01-20T00:00:00Z', '2026-01-21T00:00:00Z'].map((at, i) => ({ event_id: `ext-${i}`, customer_id: i === 0 ? 'ext-billed' : cus, event_name: 'tok', timestamp: at }));
    expect((await api.post('/events/ingest', { events })).status).toBe(200);
    const items = await history(cus, twoPeriods);
    expect(items.map((x) => x.meters.map((m) => [m.consumed_units, m.total_price]))).toEqual([[['0', 0]], [['2', 2]]]);
  });

  it('takes end_date as inclusive: a period that starts at end_date is in the answer', async () => {
    const p = await plan({ name: 'Inclusive', currency: 'USD', billing_interval: { unit: 'month', count: 1 }, components: [{ meter_id: calls, price_per_unit: '1' }] });
    const cus = await customer();
    await subscribe(cus, p.id, '2026-01-15T00:00:00Z');
    const at = (end: string) => history(cus, `start_date=${encodeURIComponent('2026-01-15T00:00:00Z')}&end_date=${encodeURIComponent(end)}`);
    expect((await at('2026-02-15T00:00:00Z')).map((x) => x.start_date)).toEqual(['2026-02-15T00:00:00.000Z', '2026-01-15T00:00:00.000Z']);
    expect((await at('2026-02-14T23:59:59.999Z')).map((x) => x.start_date)).toEqual(['2026-01-15T00:00:00.000Z']);
    // One instant: the period that holds it.
    const one = await history(cus, `start_date=${encodeURIComponent('2026-03-01T00:00:00Z')}&end_date=${encodeURIComponent('2026-03-01T00:00:00Z')}`);
    expect(one.map((x) => x.start_date)).toEqual(['2026-02-15T00:00:00.000Z']);
  });

  it('400 when end_date is before start_date', async () => {
    const cus = await customer();
    const r = await api.get(`/customers/${cus}/usage-history?start_date=${encodeURIComponent('2026-03-01T00:00:00Z')}&end_date=${encodeURIComponent('2026-02-01T00:00:00Z')}`);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/end_date/);
  });

  it('404 for an unknown customer, 400 for a bad date, nothing for a customer without subscriptions', async () => {
    expect((await api.get('/customers/cus_nope/usage-history')).status).toBe(404);
    const cus = await customer();
    expect((await api.get(`/customers/${cus}/usage-history?start_date=yesterday`)).status).toBe(400);
    expect(await history(cus, twoPeriods)).toEqual([]);
    expect((await api.withKey(srv.liveApiKey).get(`/customers/${cus}/usage-history`)).status).toBe(404);
  });
});
