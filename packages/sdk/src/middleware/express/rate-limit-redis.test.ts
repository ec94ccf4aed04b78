import { randomUUID } from 'node:crypto';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../testing/listen.js';
import { rateLimit, type RateLimitOptions } from './index.js';
import type { ExpressRequest } from './types.js';

const url = process.env.TALLY_TEST_REDIS_URL;
if (!url) console.log('[skip] Redis rate-limit tests: set TALLY_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them');

const customerId = (req: ExpressRequest) => req.headers['x-customer'] as string | undefined;

describe.skipIf(!url)('rateLimit with Redis', () => {
  const clients: Redis[] = [];
  const servers: Listening[] = [];
  const prefix = `tally-test-${randomUUID()}`;

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    const keys = await clients[0]?.keys(`${prefix}*`);
    if (keys?.length) await clients[0]!.del(...keys);
    for (const c of clients) c.disconnect();
  });

  async function replica(options: Partial<RateLimitOptions<ExpressRequest>>, redisUrl = url!) {
    const client = new Redis(redisUrl, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: redisUrl !== url });
    clients.push(client);
    if (redisUrl === url) await new Promise((r) => client.once('ready', r));
    const app = express();
    app.use(rateLimit({ customerId, points: 3, duration: 60, redis: client, keyPrefix: prefix, ...options }));
    app.get('/x', (_req, res) => res.send('ok'));
    const s = await listen(app);
    servers.push(s);
    return (customer: string) => fetch(`${s.url}/x`, { headers: { 'x-customer': customer } });
  }

  it('shares one count between gateway replicas', async () => {
    const a = await replica({});
    const b = await replica({});
    const statuses = [];
    for (const call of [a, b, a, b, a]) statuses.push((await call('cus_shared')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await b('cus_shared');
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await a('cus_other')).status).toBe(200);
  });

  it('shares token-bucket reserves too', async () => {
    const a = await replica({ points: 1, algorithm: 'token-bucket', burst: 1, keyPrefix: `${prefix}-tb` });
    const b = await replica({ points: 1, algorithm: 'token-bucket', burst: 1, keyPrefix: `${prefix}-tb` });
    expect([(await a('c')).status, (await b('c')).status, (await a('c')).status]).toEqual([200, 200, 429]);
  });

  it('counts in memory while Redis is unreachable, or lets requests through when told to', async () => {
    const dead = 'redis://127.0.0.1:1';
    const insured = await replica({ points: 1, keyPrefix: `${prefix}-dead` }, dead);
    expect([(await insured('c')).status, (await insured('c')).status]).toEqual([200, 429]);
    const open = await replica({ points: 1, keyPrefix: `${prefix}-open`, onStoreError: 'allow' }, dead);
    expect([(await open('c')).status, (await open('c')).status]).toEqual([200, 200]);
    const closed = await replica({ points: 1, keyPrefix: `${prefix}-deny`, onStoreError: 'deny' }, dead);
    expect((await closed('c')).status).toBe(503);
  });
});
