import { startTestServer, type TestServer } from '@tally/server/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatch } from '../../batch/create-batch.js';
import { Ingestion } from '../../client/ingestion.js';
import { listen, type Listening } from '../testing/listen.js';
import { enforceQuotas, trackApiCalls } from './index.js';
import type { ExpressRequest } from './types.js';

let srv: TestServer;
const apps: Listening[] = [];
const customerId = (req: ExpressRequest) => req.headers['x-customer'] as string | undefined;
const admin = (path: string, body?: unknown) =>
  fetch(srv.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${srv.apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json() as Promise<any>);

beforeAll(async () => {
  srv = await startTestServer();
  const meter = await admin('/meters', { name: 'Calls', event_name: 'api_call', measurement_unit: 'calls', aggregation: { type: 'count' } });
  for (const ext of ['acme', 'soft']) {
    await admin('/customers', { name: ext, email: `${ext}@example.com`, external_id: ext });
    await admin('/limits', { meter_id: meter.id, customer_id: ext, limit: 4 });
  }
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await srv.close();
});

async function gateway(mode: 'hard' | 'soft') {
  const batch = createBatch(new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call' }), { maxSize: 1, flushInterval: 0 });
  const quota = enforceQuotas({ baseURL: srv.url, apiKey: srv.apiKey, customerId, mode, refreshMs: 100 });
  const app = express();
  // The quota gate first: refused calls end there and are not recorded (not billed).
  app.use(quota);
  app.use(trackApiCalls({ recorder: batch, customerId }));
  app.get('/work', (_req, res) => res.send('done'));
  const s = await listen(app);
  apps.push(s);
  return { batch, call: (customer: string) => fetch(`${s.url}/work`, { headers: { 'x-customer': customer } }) };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('enforceQuotas against a real Tally server', () => {
  it('answers 429 once the quota is used up, counting locally between refreshes', async () => {
    const { batch, call } = await gateway('hard');
    expect((await call('acme')).status).toBe(200); // nothing cached yet: passes, and starts the fetch
    await settle();
    const statuses: number[] = [];
    const remaining: Array<string | null> = [];
    // Back to back, faster than the refresh: only the local count can stop the 5th.
    for (let i = 0; i < 4; i++) {
      const r = await call('acme');
      statuses.push(r.status);
      remaining.push(r.headers.get('tally-quota-remaining'));
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(remaining.slice(0, 3)).toEqual(['3', '2', '1']);
    await batch.flush();
    await settle();
    const refused = await call('acme');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'quota_exceeded' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('tally-quota-limit')).toBe('4');
    const limits = await admin('/customers/acme/limits');
    expect(limits.items[0]).toMatchObject({ used: '4', remaining: '0' });
    await batch.cleanup();
  });

  it('only sets the headers in soft mode', async () => {
    const { batch, call } = await gateway('soft');
    await call('soft');
    await settle();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('soft')).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const last = await call('soft');
    expect(last.headers.get('tally-quota-remaining')).toBe('0');
    expect(last.headers.get('retry-after')).toBeNull();
    await batch.cleanup();
  });

  it('lets unknown customers through without headers', async () => {
    const { batch, call } = await gateway('hard');
    await call('nobody');
    await settle();
    const r = await call('nobody');
    expect(r.status).toBe(200);
    expect(r.headers.get('tally-quota-limit')).toBeNull();
    await batch.cleanup();
  });
});
