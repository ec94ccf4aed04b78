import { getRequestListener } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../../blueprints/testing/memory-recorder.js';
import { listen, type Listening } from '../testing/listen.js';
import { rateLimit, trackApiCalls, type HonoTrackingMiddleware } from './index.js';

const customerId = (c: Context) => c.req.header('x-customer');

describe('Hono middleware', () => {
  let served: Listening | undefined;
  afterEach(async () => served?.close());

  async function start(app: Hono) {
    app.get('/users/:id', (c) => c.json({ id: c.req.param('id') }));
    app.onError((_e, c) => c.text('failed', 500));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.get('/stream', (c) =>
      stream(c, async (s) => {
        await s.write('abc');
        await new Promise((r) => setTimeout(r, 30));
        await s.write('defg');
      }),
    );
    const v1 = new Hono();
    v1.post('/orders/:orderId', async (c) => c.text(await c.req.text()));
    app.route('/v1', v1);
    served = await listen(getRequestListener(app.fetch));
    return (path: string, init: RequestInit = {}) => fetch(served!.url + path, { ...init, headers: { 'x-customer': 'cus_1', ...init.headers } });
  }

  it('records templates (sub-app prefixes too), thrown errors, bytes, and streams when they end', async () => {
    const recorder = new MemoryRecorder();
    const app = new Hono();
    const track: HonoTrackingMiddleware = trackApiCalls({ recorder, customerId });
    app.use(track);
    const call = await start(app);
    const body = await (await call('/users/5')).text();
    expect((await call('/boom')).status).toBe(500);
    await (await call('/v1/orders/9', { method: 'POST', body: 'hello' })).text();
    expect(await (await call('/stream')).text()).toBe('abcdefg');
    expect((await call('/nope')).status).toBe(404);
    await track.settled();
    const meta = recorder.events.map((e) => e.metadata!);
    expect(meta).toHaveLength(5);
    expect(meta[0]).toMatchObject({ endpoint: '/users/:id', method: 'GET', status_code: 200, response_bytes: Buffer.byteLength(body), request_bytes: 0 });
    expect(meta[1]).toMatchObject({ endpoint: '/boom', status_code: 500 });
    expect(meta[2]).toMatchObject({ endpoint: '/v1/orders/:orderId', method: 'POST', request_bytes: 5, response_bytes: 5 });
    expect(meta[3]).toMatchObject({ endpoint: '/stream', response_bytes: 7 });
    expect(meta[3]!.response_time_ms as number).toBeGreaterThanOrEqual(29);
    expect(meta[4]).toMatchObject({ endpoint: '(unmatched)', status_code: 404 });
  });

  it('filters methods and skips customerless requests unless an anonymous ID is set', async () => {
    const recorder = new MemoryRecorder();
    const app = new Hono();
    const track = trackApiCalls({ recorder, customerId, methods: ['GET'], anonymousCustomerId: 'anon' });
    app.use(track);
    const call = await start(app);
    await call('/v1/orders/1', { method: 'POST', body: 'x' });
    await fetch(served!.url + '/users/1');
    await track.settled();
    expect(recorder.events.map((e) => [e.customerId, e.metadata!.endpoint])).toEqual([['anon', '/users/:id']]);
  });

  it('rate limits with headers on allowed and refused responses', async () => {
    const app = new Hono();
    app.use(rateLimit({ customerId, points: 1, duration: 30 }));
    const call = await start(app);
    const ok = await call('/users/1');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ratelimit-remaining')).toBe('0');
    const refused = await call('/users/1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(28);
    expect(refused.headers.get('ratelimit-limit')).toBe('1');
  });
});
