import { afterEach, describe, expect, it } from 'vitest';
import { expressVersions } from '../testing/express-apps.js';
import { listen, type Listening } from '../testing/listen.js';
import { rateLimit, type RateLimitOptions } from './index.js';
import type { ExpressRequest } from './types.js';

const versions = await expressVersions();
const customerId = (req: ExpressRequest) => req.headers['x-customer'] as string | undefined;

describe.each(versions)('rateLimit on %s (memory)', (_name, express) => {
  const open: Listening[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  async function start(options: Omit<RateLimitOptions<ExpressRequest>, 'customerId'>) {
    const app = express();
    app.use(rateLimit({ customerId, ...options }));
    app.get('/a/:id', (_req, res) => res.send('a'));
    app.post('/search', (_req, res) => res.send('s'));
    const s = await listen(app);
    open.push(s);
    return (path: string, customer = 'cus_1', method = 'GET') =>
      fetch(s.url + path, { method, headers: customer ? { 'x-customer': customer } : {} });
  }

  it('counts per customer, sets the headers, and answers 429 with Retry-After', async () => {
    const call = await start({ points: 2, duration: 60 });
    const first = await call('/a/1');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(58);
    expect((await call('/a/2')).headers.get('ratelimit-remaining')).toBe('0');
    const refused = await call('/a/3');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(58);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect((await call('/a/1', 'cus_2')).status).toBe(200);
    expect((await call('/a/1', '')).headers.get('ratelimit-limit')).toBeNull();
  });

  it('gives endpoint rules their own count', async () => {
    const call = await start({ points: 100, duration: 60, endpoints: [{ paths: ['/search'], methods: ['POST'], points: 1, duration: 60 }] });
    expect((await call('/search', 'cus_1', 'POST')).status).toBe(200);
    expect((await call('/search', 'cus_1', 'POST')).status).toBe(429);
    const other = await call('/a/1');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-limit')).toBe('100');
  });

  it('lets a token bucket spend its burst reserve once the steady rate is used', async () => {
    const call = await start({ points: 1, duration: 60, algorithm: 'token-bucket', burst: 2, burstDuration: 60 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('/a/1')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('refreshes the count after the window', async () => {
    const call = await start({ points: 1, duration: 1 });
    expect((await call('/a/1')).status).toBe(200);
    expect((await call('/a/1')).status).toBe(429);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await call('/a/1')).status).toBe(200);
  });

  it('leaves excluded paths alone', async () => {
    const call = await start({ points: 1, duration: 60, exclude: ['/a/*'] });
    for (let i = 0; i < 3; i++) expect((await call('/a/1')).headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('rateLimit options', () => {
  it('are checked when the middleware is made, not at the first request', () => {
    expect(() => rateLimit({ customerId, points: 0, duration: 60 })).toThrow(/rateLimit: points and duration/);
    expect(() => rateLimit({ customerId, points: 1, duration: 60, endpoints: [{ paths: ['/x'], points: 1, duration: -1 }] })).toThrow(/endpoints\[0\]/);
    expect(() => rateLimit({ customerId, points: 1, duration: 60, algorithm: 'token-bucket' })).toThrow(/burst/);
  });
});
