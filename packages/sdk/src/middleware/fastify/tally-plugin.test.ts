import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRecorder } from '../../blueprints/testing/memory-recorder.js';
import { tally, type TallyFastifyOptions } from './index.js';

const customerId = (req: FastifyRequest) => req.headers['x-customer'] as string | undefined;

describe('tally Fastify plugin', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  async function start(options: TallyFastifyOptions) {
    app = Fastify();
    await app.register(tally, options);
    app.get('/users/:id', async (req) => ({ id: (req.params as { id: string }).id }));
    await app.register(
      async (v1) => {
        v1.get('/orders/:orderId', async () => {
          throw Object.assign(new Error('gone'), { statusCode: 410 });
        });
        v1.post('/echo', async (req) => req.body);
      },
      { prefix: '/v1' },
    );
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return (path: string, init: RequestInit = {}) => fetch(url + path, { ...init, headers: { 'x-customer': 'cus_1', ...init.headers } });
  }

  it('records route templates with prefixes, statuses of thrown errors, bytes and timing', async () => {
    const recorder = new MemoryRecorder();
    const call = await start({ tracking: { recorder, customerId } });
    const body = await (await call('/users/7?q=1')).text();
    expect((await call('/v1/orders/3')).status).toBe(410);
    await call('/v1/echo', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect((await call('/missing')).status).toBe(404);
    await vi.waitFor(() => expect(recorder.events).toHaveLength(4));
    const meta = recorder.events.map((e) => e.metadata!);
    expect(meta[0]).toMatchObject({ endpoint: '/users/:id', method: 'GET', status_code: 200, response_bytes: Buffer.byteLength(body), request_bytes: 0 });
    expect(meta[1]).toMatchObject({ endpoint: '/v1/orders/:orderId', status_code: 410 });
    expect(meta[2]).toMatchObject({ endpoint: '/v1/echo', method: 'POST', request_bytes: 7, response_bytes: 7 });
    expect(meta[3]).toMatchObject({ endpoint: '(unmatched)', status_code: 404 });
    expect(meta[0]!.response_time_ms).toBeGreaterThan(0);
  });

  it('filters endpoints and skips requests without a customer', async () => {
    const recorder = new MemoryRecorder();
    const call = await start({ tracking: { recorder, customerId, exclude: ['/v1/*'] } });
    await call('/v1/echo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await call('/users/1', { headers: { 'x-customer': '' } });
    await call('/users/2');
    await app!.close();
    expect(recorder.events.map((e) => e.metadata!.endpoint)).toEqual(['/users/:id']);
    app = undefined;
  });

  it('rate limits per customer and per endpoint, recording the 429s', async () => {
    const recorder = new MemoryRecorder();
    const call = await start({
      tracking: { recorder, customerId },
      rateLimit: { customerId, points: 2, duration: 60, endpoints: [{ paths: ['/v1/*'], points: 1, duration: 60 }] },
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('/users/1')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await call('/users/1');
    expect(refused.headers.get('retry-after')).not.toBeNull();
    expect(refused.headers.get('ratelimit-limit')).toBe('2');
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
    expect((await call('/v1/echo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).headers.get('ratelimit-limit')).toBe('1');
    await vi.waitFor(() => expect(recorder.events).toHaveLength(5));
    expect(recorder.events.filter((e) => e.metadata!.status_code === 429)).toHaveLength(2);
  });
});
