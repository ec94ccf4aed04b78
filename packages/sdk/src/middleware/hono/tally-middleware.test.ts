import { getRequestListener } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../../blueprints/testing/memory-recorder.js';
import { countLimit, fakeLimitsServer } from '../testing/fake-limits-server.js';
import { listen, type Listening } from '../testing/listen.js';
import { tally, type TallyHonoOptions } from './index.js';

const customerId = (c: Context) => c.req.header('x-customer');
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('tally() on Hono', () => {
  const open: Listening[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  async function start(options: TallyHonoOptions) {
    const app = new Hono();
    const mw = tally(options);
    app.use(mw);
    app.get('/a/:id', (c) => c.text('a'));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.onError((_e, c) => c.text('failed', 500));
    const s = await listen(getRequestListener(app.fetch));
    open.push(s);
    return { mw, call: (path: string, customer = 'cus_1') => fetch(s.url + path, { headers: { 'x-customer': customer } }) };
  }

  it('tracks, rate limits and records the refused calls with their 429, in one middleware', async () => {
    const recorder = new MemoryRecorder();
    const { mw, call } = await start({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 2, duration: 60 } });
    const first = await call('/a/1');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await call('/a/2')).status).toBe(200);
    const refused = await call('/a/3');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(58);
    await mw.settled();
    // A refused call never reached its route, as with Express.
    expect(recorder.events.map((e) => [e.metadata!.endpoint, e.metadata!.status_code])).toEqual([
      ['/a/:id', 200], ['/a/:id', 200], ['(unmatched)', 429],
    ]);
  });

  it('with recordRefused: false records only the calls the limits let through', async () => {
    const recorder = new MemoryRecorder();
    const { mw, call } = await start({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 1, duration: 60 }, recordRefused: false });
    expect((await call('/a/1')).status).toBe(200);
    expect((await call('/a/2')).status).toBe(429);
    await mw.settled();
    expect(recorder.events.map((e) => e.metadata!.status_code)).toEqual([200]);
  });

  it('tracks handler errors with their status', async () => {
    const recorder = new MemoryRecorder();
    const { mw, call } = await start({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 10, duration: 60 } });
    expect((await call('/boom')).status).toBe(500);
    await mw.settled();
    expect(recorder.metadata()).toMatchObject({ endpoint: '/boom', status_code: 500 });
  });

  it('runs the quota after the rate limit, each with its headers', async () => {
    const limits = await fakeLimitsServer({ full: [countLimit(10, 10)], some: [countLimit(10, 3)] });
    open.push(limits);
    const quota = { customerId, baseURL: limits.url, apiKey: 'k', refreshMs: 60_000 };
    const recorder = new MemoryRecorder();
    const { mw, call } = await start({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 100, duration: 60 }, quota });
    await call('/a/1', 'full');
    await call('/a/1', 'some');
    await settle();
    const refused = await call('/a/1', 'full');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'quota_exceeded' });
    expect(refused.headers.get('ratelimit-limit')).toBe('100');
    const ok = await call('/a/1', 'some');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('tally-quota-remaining')).toBe('6');
    expect(ok.headers.get('ratelimit-remaining')).toBe('98');
    await mw.settled();
    expect(recorder.events.map((e) => e.metadata!.status_code)).toEqual([200, 200, 429, 200]);
  });

  it('with tracking alone, or nothing, just passes requests on', async () => {
    const recorder = new MemoryRecorder();
    const tracked = await start({ tracking: { recorder, customerId } });
    const r = await tracked.call('/a/1');
    expect(r.status).toBe(200);
    expect(r.headers.get('ratelimit-limit')).toBeNull();
    await tracked.mw.settled();
    expect(recorder.events).toHaveLength(1);
    const bare = await start({});
    expect((await bare.call('/a/1')).status).toBe(200);
    await bare.mw.settled();
  });
});
