import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

// GET /meters/{id}/usage through the real server. Every expected number below
// was worked out by hand from the events each test sends.

let srv: TestServer;
let api: ApiClient;
beforeAll(async () => {
  // Fixed dates in 2026, older than the default 35-day ingest window.
  srv = await startTestServer({ window: { maxAgeMs: 10 * 365 * 86_400_000, maxFutureMs: 5 * 60_000 } });
  api = apiClient(srv.url, srv.apiKey);
});
afterAll(() => srv.close());

type Meta = Record<string, string | number | boolean>;
interface Ev { id: string; customer: string; at: string; meta?: Meta }

let seq = 0;
/** A fresh event name per meter, so tests never see each other's events. */
const freshName = (base: string) => `${base}_${++seq}`;

async function meter(eventName: string, aggregation: { type: string; key?: string }, extra: Record<string, unknown> = {}, client = api): Promise<string> {
  const r = await client.post('/meters', { name: eventName, event_name: eventName, measurement_unit: 'u', aggregation, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

async function customer(extra: Record<string, unknown> = {}, client = api): Promise<string> {
  const r = await client.post('/customers', { name: 'C', email: `c${++seq}@example.com`, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.customer_id;
}

async function ingest(eventName: string, events: Ev[], client = api): Promise<void> {
  const r = await client.post('/events/ingest', {
    events: events.map((e) => ({ event_id: `${eventName}:${e.id}`, customer_id: e.customer, event_name: eventName, timestamp: e.at, metadata: e.meta })),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.ingested_count ?? events.length).toBe(events.length);
}

interface Item { customer_id: string; window_start: string; window_end: string; value: string | null; group: Record<string, unknown> | null }

async function usage(id: string, params: Record<string, string | string[]>, client = api): Promise<Item[]> {
  const r = await usageReply(id, params, client);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
}

function usageReply(id: string, params: Record<string, string | string[]>, client = api) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) qs.append(k, x);
  return client.get(`/meters/${id}/usage?${qs}`);
}

/** [window_start, value] pairs, for compact comparisons. */
const pairs = (items: Item[]) => items.map((i) => [i.window_start, i.value]);

describe('window sizes (UTC)', () => {
  const name = freshName('req');
  let id: string;
  let cus: string;
  beforeAll(async () => {
    cus = await customer();
    id = await meter(name, { type: 'count' });
    // 2026-03-02 is a Monday.
    await ingest(name, [
      { id: '1', customer: cus, at: '2026-03-02T10:15:00Z' },
      { id: '2', customer: cus, at: '2026-03-02T10:45:59.999Z' },
      { id: '3', customer: cus, at: '2026-03-02T11:05:00Z' },
      { id: '4', customer: cus, at: '2026-03-04T00:00:00Z' },
      { id: '5', customer: cus, at: '2026-03-10T12:00:00Z' },
      { id: '6', customer: cus, at: '2026-04-01T00:00:00Z' },
      { id: '7', customer: cus, at: '2026-04-02T00:00:00Z' }, // at end: excluded
      { id: '8', customer: cus, at: '2026-03-01T23:59:59Z' }, // before start: excluded
    ]);
  });
  const range = { start: '2026-03-02T00:00:00Z', end: '2026-04-02T00:00:00Z' };

  it('minute', async () => {
    const items = await usage(id, { start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:10:00Z', window_size: 'minute' });
    expect(items.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-03-02T10:15:00.000Z', '2026-03-02T10:16:00.000Z', '1'],
      ['2026-03-02T10:45:00.000Z', '2026-03-02T10:46:00.000Z', '1'],
      ['2026-03-02T11:05:00.000Z', '2026-03-02T11:06:00.000Z', '1'],
    ]);
    expect(items.every((i) => i.customer_id === cus && i.group === null)).toBe(true);
  });

  it('hour', async () => {
    const items = await usage(id, { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z', window_size: 'hour' });
    expect(pairs(items)).toEqual([['2026-03-02T10:00:00.000Z', '2'], ['2026-03-02T11:00:00.000Z', '1']]);
  });

  it('day (the default window size)', async () => {
    const expected = [['2026-03-02T00:00:00.000Z', '3'], ['2026-03-04T00:00:00.000Z', '1'], ['2026-03-10T00:00:00.000Z', '1'], ['2026-04-01T00:00:00.000Z', '1']];
    expect(pairs(await usage(id, { ...range, window_size: 'day' }))).toEqual(expected);
    expect(pairs(await usage(id, range))).toEqual(expected);
  });

  it('week, Monday to Monday, the last one clipped to end', async () => {
    const items = await usage(id, { ...range, window_size: 'week' });
    expect(items.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z', '4'],
      ['2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z', '1'],
      ['2026-03-30T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '1'],
    ]);
  });

  it('month, the first clipped to start', async () => {
    const items = await usage(id, { ...range, window_size: 'month' });
    expect(items.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-03-02T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '5'],
      ['2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '1'],
    ]);
  });

  it('none: one window over the range', async () => {
    const items = await usage(id, { ...range, window_size: 'none' });
    expect(items.map((i) => [i.window_start, i.window_end, i.value])).toEqual([['2026-03-02T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '6']]);
  });
});

describe('time zones', () => {
  it('aligns days in America/New_York across the March DST change (a 23-hour day)', async () => {
    const name = freshName('ny');
    const cus = await customer();
    const id = await meter(name, { type: 'count' });
    // DST starts 2026-03-08 02:00 EST. Local days: Mar 7 = [05:00Z, Mar 8 05:00Z), Mar 8 = [Mar 8 05:00Z, Mar 9 04:00Z).
    await ingest(name, [
      { id: 'a', customer: cus, at: '2026-03-08T04:30:00Z' }, // Mar 7 23:30 EST
      { id: 'b', customer: cus, at: '2026-03-09T03:30:00Z' }, // Mar 8 23:30 EDT
      { id: 'c', customer: cus, at: '2026-03-09T04:30:00Z' }, // Mar 9 00:30 EDT
    ]);
    const items = await usage(id, { start: '2026-03-07T05:00:00Z', end: '2026-03-10T04:00:00Z', window_size: 'day', time_zone: 'America/New_York' });
    expect(items.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-03-07T05:00:00.000Z', '2026-03-08T05:00:00.000Z', '1'],
      ['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', '1'],
      ['2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z', '1'],
    ]);
    // The same events by UTC day: two on Mar 9.
    expect(pairs(await usage(id, { start: '2026-03-08T00:00:00Z', end: '2026-03-10T00:00:00Z' }))).toEqual([
      ['2026-03-08T00:00:00.000Z', '1'], ['2026-03-09T00:00:00.000Z', '2'],
    ]);
  });

  it('aligns days in America/New_York across the November change (a 25-hour day), and weeks from local Monday', async () => {
    const name = freshName('nyfall');
    const cus = await customer();
    const id = await meter(name, { type: 'count' });
    // DST ends 2026-11-01 02:00 EDT. Local Nov 1 = [Nov 1 04:00Z, Nov 2 05:00Z).
    await ingest(name, [
      { id: 'a', customer: cus, at: '2026-11-01T04:00:00Z' }, // Nov 1 00:00 EDT
      { id: 'b', customer: cus, at: '2026-11-02T04:30:00Z' }, // Nov 1 23:30 EST
      { id: 'c', customer: cus, at: '2026-11-02T05:00:00Z' }, // Nov 2 00:00 EST (a Monday)
    ]);
    const days = await usage(id, { start: '2026-11-01T04:00:00Z', end: '2026-11-03T05:00:00Z', window_size: 'day', time_zone: 'America/New_York' });
    expect(days.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', '2'],
      ['2026-11-02T05:00:00.000Z', '2026-11-03T05:00:00.000Z', '1'],
    ]);
    const weeks = await usage(id, { start: '2026-10-26T04:00:00Z', end: '2026-11-09T05:00:00Z', window_size: 'week', time_zone: 'America/New_York' });
    expect(weeks.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z', '2'],
      ['2026-11-02T05:00:00.000Z', '2026-11-09T05:00:00.000Z', '1'],
    ]);
  });

  it('aligns months in America/New_York (a 28-day February, a March that loses an hour)', async () => {
    const name = freshName('nym');
    const cus = await customer();
    const id = await meter(name, { type: 'count' });
    await ingest(name, [
      { id: 'a', customer: cus, at: '2026-02-01T05:00:00Z' }, // Feb 1 00:00 EST
      { id: 'b', customer: cus, at: '2026-03-01T04:59:00Z' }, // Feb 28 23:59 EST
      { id: 'c', customer: cus, at: '2026-04-01T03:59:00Z' }, // Mar 31 23:59 EDT
      { id: 'd', customer: cus, at: '2026-04-01T04:00:00Z' }, // Apr 1 00:00 EDT: after end
    ]);
    const items = await usage(id, { start: '2026-02-01T05:00:00Z', end: '2026-04-01T04:00:00Z', window_size: 'month', time_zone: 'America/New_York' });
    expect(items.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-02-01T05:00:00.000Z', '2026-03-01T05:00:00.000Z', '2'],
      ['2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z', '1'],
    ]);
  });

  it('aligns days and hours in Asia/Kathmandu (+05:45)', async () => {
    const name = freshName('ktm');
    const cus = await customer();
    const id = await meter(name, { type: 'sum', key: 'n' });
    await ingest(name, [
      { id: 'a', customer: cus, at: '2026-03-01T18:14:00Z', meta: { n: 1 } }, // Mar 1 23:59 local
      { id: 'b', customer: cus, at: '2026-03-01T18:15:00Z', meta: { n: 10 } }, // Mar 2 00:00 local
      { id: 'c', customer: cus, at: '2026-03-01T19:14:59Z', meta: { n: 100 } }, // Mar 2 00:59 local
    ]);
    const days = await usage(id, { start: '2026-02-28T18:15:00Z', end: '2026-03-02T18:15:00Z', window_size: 'day', time_zone: 'Asia/Kathmandu' });
    expect(days.map((i) => [i.window_start, i.window_end, i.value])).toEqual([
      ['2026-02-28T18:15:00.000Z', '2026-03-01T18:15:00.000Z', '1'],
      ['2026-03-01T18:15:00.000Z', '2026-03-02T18:15:00.000Z', '110'],
    ]);
    const hours = await usage(id, { start: '2026-03-01T17:15:00Z', end: '2026-03-01T20:15:00Z', window_size: 'hour', time_zone: 'Asia/Kathmandu' });
    expect(pairs(hours)).toEqual([['2026-03-01T17:15:00.000Z', '1'], ['2026-03-01T18:15:00.000Z', '110']]);
  });
});

describe('customers', () => {
  it('filters by repeated customer_id, and by a single one', async () => {
    const name = freshName('cf');
    const [a, b, c] = [await customer(), await customer(), await customer()];
    const id = await meter(name, { type: 'count' });
    await ingest(name, [
      { id: '1', customer: a, at: '2026-01-10T10:00:00Z' },
      { id: '2', customer: b, at: '2026-01-10T10:00:00Z' },
      { id: '3', customer: b, at: '2026-01-10T11:00:00Z' },
      { id: '4', customer: c, at: '2026-01-10T12:00:00Z' },
    ]);
    const range = { start: '2026-01-10T00:00:00Z', end: '2026-01-11T00:00:00Z', window_size: 'none' };
    const byCustomer = (items: Item[]) => Object.fromEntries(items.map((i) => [i.customer_id, i.value]));
    expect(byCustomer(await usage(id, range))).toEqual({ [a]: '1', [b]: '2', [c]: '1' });
    expect(byCustomer(await usage(id, { ...range, customer_id: [a, b] }))).toEqual({ [a]: '1', [b]: '2' });
    expect(byCustomer(await usage(id, { ...range, customer_id: b }))).toEqual({ [b]: '2' });
    expect(await usage(id, { ...range, customer_id: 'cus_nobody' })).toEqual([]);
  });

  it('a customer created after its events adopts them: by external_id at creation, and by an external_id set later', async () => {
    const name = freshName('adopt');
    const id = await meter(name, { type: 'sum', key: 'n' });
    await ingest(name, [
      { id: '1', customer: 'ext-late', at: '2026-01-10T10:00:00Z', meta: { n: 2 } },
      { id: '2', customer: 'ext-late', at: '2026-01-10T10:30:00Z', meta: { n: 3 } },
      { id: '3', customer: 'ext-patched', at: '2026-01-10T10:00:00Z', meta: { n: 7 } },
      { id: '4', customer: 'ghost', at: '2026-01-10T10:00:00Z', meta: { n: 1000 } },
    ]);
    const range = { start: '2026-01-10T00:00:00Z', end: '2026-01-11T00:00:00Z', window_size: 'none' };
    expect(await usage(id, range)).toEqual([]); // nobody known yet

    const late = await customer({ external_id: 'ext-late' });
    const patched = await customer();
    expect((await api.patch(`/customers/${patched}`, { external_id: 'ext-patched' })).status).toBe(200);
    // Events after creation, by customer_id and by external_id, add to the same customer.
    await ingest(name, [
      { id: '5', customer: late, at: '2026-01-10T11:00:00Z', meta: { n: 5 } },
      { id: '6', customer: 'ext-late', at: '2026-01-10T11:30:00Z', meta: { n: 0.5 } },
    ]);
    const items = await usage(id, range);
    expect(Object.fromEntries(items.map((i) => [i.customer_id, i.value]))).toEqual({ [late]: '10.5', [patched]: '7' });
    expect(items.map((i) => i.customer_id)).not.toContain('ghost');
    // One row per customer even though its events carry two different IDs.
    expect(items.filter((i) => i.customer_id === late)).toHaveLength(1);
    expect(pairs(await usage(id, { ...range, customer_id: late }))).toEqual([[range.start.replace('Z', '.000Z'), '10.5']]);
  });

  it('filters by external_id as well as by customer_id, answering with the customer_id', async () => {
    const name = freshName('fext');
    const id = await meter(name, { type: 'sum', key: 'n' });
    const a = await customer({ external_id: `acme-${name}` });
    const b = await customer({ external_id: `beta-${name}` });
    await ingest(name, [
      { id: '1', customer: a, at: '2026-01-10T10:00:00Z', meta: { n: 1 } },
      { id: '2', customer: `acme-${name}`, at: '2026-01-10T11:00:00Z', meta: { n: 2 } },
      { id: '3', customer: b, at: '2026-01-10T12:00:00Z', meta: { n: 4 } },
    ]);
    const range = { start: '2026-01-10T00:00:00Z', end: '2026-01-11T00:00:00Z', window_size: 'none' };
    const byCustomer = (items: Item[]) => Object.fromEntries(items.map((i) => [i.customer_id, i.value]));
    expect(byCustomer(await usage(id, { ...range, customer_id: `acme-${name}` }))).toEqual({ [a]: '3' });
    // Mixed, and naming one customer both ways: it still answers once.
    expect(byCustomer(await usage(id, { ...range, customer_id: [`beta-${name}`, a, `acme-${name}`] }))).toEqual({ [a]: '3', [b]: '4' });
    expect(await usage(id, { ...range, customer_id: [`acme-${name}`, a] })).toHaveLength(1);
  });
});

describe('group_by', () => {
  it('splits by a key declared in group_by_keys; events without it form the null group', async () => {
    const name = freshName('grp');
    const cus = await customer();
    const id = await meter(name, { type: 'sum', key: 'tokens' }, { group_by_keys: ['model', 'region'] });
    await ingest(name, [
      { id: '1', customer: cus, at: '2026-02-01T10:00:00Z', meta: { tokens: 1, model: 'a', region: 'eu' } },
      { id: '2', customer: cus, at: '2026-02-01T10:01:00Z', meta: { tokens: 2, model: 'b', region: 'eu' } },
      { id: '3', customer: cus, at: '2026-02-01T10:02:00Z', meta: { tokens: 4, model: 'a' } },
      { id: '4', customer: cus, at: '2026-02-01T10:03:00Z', meta: { tokens: 8 } },
      { id: '5', customer: cus, at: '2026-02-02T10:00:00Z', meta: { tokens: 16, model: 'a' } },
    ]);
    const range = { start: '2026-02-01T00:00:00Z', end: '2026-02-03T00:00:00Z' };
    const items = await usage(id, { ...range, group_by: 'model' });
    expect(items.map((i) => [i.window_start.slice(0, 10), i.group, i.value])).toEqual(expect.arrayContaining([
      ['2026-02-01', { model: 'a' }, '5'],
      ['2026-02-01', { model: 'b' }, '2'],
      ['2026-02-01', { model: null }, '8'],
      ['2026-02-02', { model: 'a' }, '16'],
    ]));
    expect(items).toHaveLength(4);
    const regions = await usage(id, { ...range, window_size: 'none', group_by: 'region' });
    expect(regions.map((i) => [i.group, i.value])).toEqual(expect.arrayContaining([[{ region: 'eu' }, '3'], [{ region: null }, '28']]));
    expect(regions).toHaveLength(2);
    // A read-only key reads usage too.
    const ro = api.withKey(srv.readOnlyApiKey);
    expect((await usage(id, { ...range, window_size: 'none', group_by: 'region' }, ro))).toEqual(regions);

    // Without group_by: one row per window, group null.
    expect((await usage(id, { ...range, window_size: 'none' })).map((i) => [i.group, i.value])).toEqual([[null, '31']]);
  });
});

describe('filters', () => {
  it("counts only events that pass the meter's filter", async () => {
    const name = freshName('flt');
    const cus = await customer();
    const id = await meter(name, { type: 'sum', key: 'bytes' }, {
      filter: { conjunction: 'or', clauses: [
        { key: 'region', operator: 'equals', value: 'eu' },
        { key: 'bytes', operator: 'greater_than_or_equals', value: 1000 },
      ] },
    });
    await ingest(name, [
      { id: '1', customer: cus, at: '2026-02-01T10:00:00Z', meta: { region: 'eu', bytes: 1 } }, // eu
      { id: '2', customer: cus, at: '2026-02-01T10:00:00Z', meta: { region: 'us', bytes: 1000 } }, // big
      { id: '3', customer: cus, at: '2026-02-01T10:00:00Z', meta: { region: 'us', bytes: 999 } }, // neither
      { id: '4', customer: cus, at: '2026-02-01T10:00:00Z', meta: { bytes: 20 } }, // no region, small
      { id: '5', customer: cus, at: '2026-02-01T10:00:00Z', meta: { region: 'EU', bytes: 5 } }, // case differs
    ]);
    expect(pairs(await usage(id, { start: '2026-02-01T00:00:00Z', end: '2026-02-02T00:00:00Z' }))).toEqual([['2026-02-01T00:00:00.000Z', '1001']]);
  });
});

describe('unique_count by group', () => {
  it('counts each distinct value once per window and group, across buckets', async () => {
    const name = freshName('uniq');
    const cus = await customer();
    const id = await meter(name, { type: 'unique_count', key: 'user' }, { group_by_keys: ['plan'] });
    await ingest(name, [
      { id: '1', customer: cus, at: '2026-02-01T10:00:00Z', meta: { user: 'u1', plan: 'pro' } },
      { id: '2', customer: cus, at: '2026-02-01T23:59:00Z', meta: { user: 'u1', plan: 'pro' } },
      { id: '3', customer: cus, at: '2026-02-02T00:00:00Z', meta: { user: 'u1', plan: 'pro' } },
      { id: '4', customer: cus, at: '2026-02-02T00:00:00Z', meta: { user: 'u2', plan: 'free' } },
      { id: '5', customer: cus, at: '2026-02-02T01:00:00Z', meta: { user: 1, plan: 'free' } },
      { id: '6', customer: cus, at: '2026-02-02T01:00:00Z', meta: { user: '1', plan: 'free' } },
    ]);
    const range = { start: '2026-02-01T00:00:00Z', end: '2026-02-03T00:00:00Z' };
    const days = await usage(id, { ...range, group_by: 'plan' });
    expect(days.map((i) => [i.window_start.slice(0, 10), i.group, i.value])).toEqual(expect.arrayContaining([
      ['2026-02-01', { plan: 'pro' }, '1'], ['2026-02-02', { plan: 'pro' }, '1'], ['2026-02-02', { plan: 'free' }, '3'],
    ]));
    expect(days).toHaveLength(3);
    expect((await usage(id, { ...range, window_size: 'none' })).map((i) => i.value)).toEqual(['4']);
  });
});

describe('aggregations', () => {
  // One customer; counted numbers: 0.1, 0.2, -5, 0.1, 7.25, 3, 4 (the string "150"
  // and the event without v count only for count and unique_count).
  const events = (cus: string): Ev[] => [
    { id: 'a1', customer: cus, at: '2026-02-01T00:00:00Z', meta: { v: 0.1 } },
    { id: 'a2', customer: cus, at: '2026-02-01T13:07:00Z', meta: { v: 0.2 } },
    { id: 'a3', customer: cus, at: '2026-02-02T05:00:00Z', meta: { v: -5 } },
    { id: 'a10', customer: cus, at: '2026-02-02T06:00:00Z', meta: { v: 0.1 } },
    { id: 'a4', customer: cus, at: '2026-02-02T23:59:00Z', meta: { v: 7.25 } },
    { id: 'a5', customer: cus, at: '2026-02-03T00:01:00Z', meta: { v: '150' } },
    { id: 'a6', customer: cus, at: '2026-02-03T00:02:00Z', meta: { other: 1 } },
    { id: 'a9', customer: cus, at: '2026-02-03T00:30:00Z', meta: { v: 100 } }, // at end: excluded
    { id: 'ghost', customer: 'nobody-known', at: '2026-02-01T12:00:00Z', meta: { v: 1000 } },
  ];
  // Two events at the latest instant: `last` takes the greater event_id ("zb"),
  // whichever arrives first.
  const ties = (cus: string): Ev[][] => [
    [{ id: 'zb', customer: cus, at: '2026-02-03T00:10:00Z', meta: { v: 3 } }],
    [{ id: 'za', customer: cus, at: '2026-02-03T00:10:00Z', meta: { v: 4 } }],
  ];
  const cases: Array<[string, string | undefined, string, string[]]> = [
    // type, key, whole range, per UTC day (Feb 1, Feb 2, Feb 3 until 00:30)
    ['count', undefined, '9', ['2', '3', '4']],
    ['sum', 'v', '9.65', ['0.3', '2.35', '7']],
    ['max', 'v', '7.25', ['0.2', '7.25', '4']],
    ['min', 'v', '-5', ['0.1', '-5', '3']],
    ['last', 'v', '3', ['0.2', '7.25', '3']],
    ['avg', 'v', '1.378571428571', ['0.15', '0.783333333333', '3.5']],
    ['unique_count', 'v', '7', ['2', '3', '3']],
  ];
  for (const [type, key, total, perDay] of cases) {
    it(`${type}`, async () => {
      const name = freshName(type);
      const cus = await customer();
      const id = await meter(name, key === undefined ? { type } : { type, key });
      await ingest(name, events(cus));
      for (const batch of ties(cus)) await ingest(name, batch);
      const range = { start: '2026-02-01T00:00:00Z', end: '2026-02-03T00:30:00Z' };
      const all = await usage(id, { ...range, window_size: 'none' });
      expect(all.map((i) => [i.customer_id, i.value])).toEqual([[cus, total]]);
      expect((await usage(id, { ...range, window_size: 'day' })).map((i) => i.value)).toEqual(perDay);
    });
  }
});

describe('errors and modes', () => {
  let id: string;
  beforeAll(async () => {
    id = await meter(freshName('err'), { type: 'count' }, { group_by_keys: ['model'] });
  });
  const ok = { start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' };

  it.each([
    ['an unknown time zone', { ...ok, time_zone: 'Mars/Olympus' }, /time zone/],
    ['a start not on a whole minute', { ...ok, start: '2026-01-01T00:00:30Z' }, /minute/],
    ['an end not on a whole minute', { ...ok, end: '2026-01-01T23:59:59.500Z' }, /minute/],
    ['an end before start', { start: ok.end, end: ok.start }, /end/],
    ['a group key not declared', { ...ok, group_by: 'region' }, /group_by_keys/],
    ['an unknown window size', { ...ok, window_size: 'fortnight' }, /window_size/],
    ['a start that is not a date-time', { ...ok, start: 'yesterday' }, /start/],
  ])('400 for %s', async (_what, params, message) => {
    const r = await usageReply(id, params);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });

  it('400 when start or end is missing', async () => {
    expect((await usageReply(id, { start: ok.start })).status).toBe(400);
    expect((await usageReply(id, { end: ok.end })).status).toBe(400);
  });

  it('404 for an unknown meter, and for a meter of the other mode', async () => {
    expect((await usageReply('mtr_nope', ok)).status).toBe(404);
    const live = api.withKey(srv.liveApiKey);
    expect((await usageReply(id, ok, live)).status).toBe(404);
  });

  it('keeps modes apart: live events never count toward a test meter of the same event name', async () => {
    const name = freshName('mode');
    const live = api.withKey(srv.liveApiKey);
    const testCus = await customer();
    const liveCus = await customer({ external_id: 'shared-ext' }, live);
    await customer({ external_id: 'shared-ext-test' });
    const testMeter = await meter(name, { type: 'count' });
    const liveMeter = await meter(name, { type: 'count' }, {}, live);
    await ingest(name, [{ id: 't1', customer: testCus, at: '2026-01-01T10:00:00Z' }]);
    await ingest(name, [
      { id: 'l1', customer: liveCus, at: '2026-01-01T10:00:00Z' },
      { id: 'l2', customer: 'shared-ext', at: '2026-01-01T11:00:00Z' },
      { id: 't1', customer: testCus, at: '2026-01-01T12:00:00Z' }, // same event_id as test's: a separate event here
    ], live);
    expect((await usage(testMeter, { ...ok, window_size: 'none' })).map((i) => [i.customer_id, i.value])).toEqual([[testCus, '1']]);
    // testCus is unknown in live mode, so its live event counts toward nothing.
    expect((await usage(liveMeter, { ...ok, window_size: 'none' }, live)).map((i) => [i.customer_id, i.value])).toEqual([[liveCus, '2']]);
  });
});
