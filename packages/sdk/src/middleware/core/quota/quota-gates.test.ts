import { getRequestListener } from '@hono/node-server';
import Fastify, { type FastifyRequest } from 'fastify';
import { Hono, type Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforceQuotas } from '../../hono/index.js';
import { tally } from '../../fastify/index.js';
import { countLimit, fakeLimitsServer } from '../../testing/fake-limits-server.js';
import { listen, type Listening } from '../../testing/listen.js';

let limits: Awaited<ReturnType<typeof fakeLimitsServer>>;
const open: Array<{ close(): Promise<unknown> }> = [];
beforeAll(async () => {
  limits = await fakeLimitsServer({ hard: [countLimit(10, 7)], soft: [countLimit(10, 7)] });
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await limits.close();
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fastifyApp(mode: 'hard' | 'soft'): Promise<string> {
  const app = Fastify();
  await app.register(tally, { quota: { baseURL: limits.url, apiKey: 'k', mode, refreshMs: 60_000, customerId: (r: FastifyRequest) => r.headers['x-customer'] as string } });
  app.get('/x', async () => 'ok');
  open.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

async function honoApp(mode: 'hard' | 'soft'): Promise<string> {
  const app = new Hono();
  app.use(enforceQuotas({ baseURL: limits.url, apiKey: 'k', mode, refreshMs: 60_000, customerId: (c: Context) => c.req.header('x-customer') }));
  app.get('/x', (c) => c.text('ok'));
  const s: Listening = await listen(getRequestListener(app.fetch));
  open.push(s);
  return s.url;
}

describe.each([['Fastify', fastifyApp], ['Hono', honoApp]] as const)('quotas on %s', (_name, start) => {
  it('refuses in hard mode once the cached remaining and the local count are used', async () => {
    const url = await start('hard');
    const call = () => fetch(`${url}/x`, { headers: { 'x-customer': 'hard' } });
    expect((await call()).status).toBe(200); // first sight: passes while the limits load
    await wait(100);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call()).status);
    // remaining 3 at fetch time, minus the first request (admitted as the fetch started): two more pass.
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await call();
    expect(refused.headers.get('tally-quota-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
  });

  it('only adds headers in soft mode', async () => {
    const url = await start('soft');
    const call = () => fetch(`${url}/x`, { headers: { 'x-customer': 'soft' } });
    await call();
    await wait(100);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await call());
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(answers.map((r) => r.headers.get('tally-quota-remaining'))).toEqual(['2', '1', '0']);
  });
});

it('asks the server once per refresh interval, not per request', async () => {
  const before = limits.calls;
  const url = await honoApp('soft');
  for (let i = 0; i < 20; i++) await fetch(`${url}/x`, { headers: { 'x-customer': 'soft' } });
  expect(limits.calls - before).toBe(1);
});
