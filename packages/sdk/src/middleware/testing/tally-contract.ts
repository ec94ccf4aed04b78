import { afterEach, expect, it } from 'vitest';
import { MemoryRecorder } from '../../blueprints/testing/memory-recorder.js';
import type { QuotaOptions } from '../core/quota/options.js';
import type { RateLimitOptions } from '../core/rate-limit/options.js';
import type { TrackingOptions } from '../core/tracking-options.js';
import { countLimit, fakeLimitsServer } from './fake-limits-server.js';
import type { Listening } from './listen.js';

export interface TallyOptionsOf<Req> {
  tracking?: TrackingOptions<Req>;
  rateLimit?: RateLimitOptions<Req>;
  quota?: QuotaOptions<Req>;
  recordRefused?: boolean;
}

/**
 * A framework's app with `tally(options)` mounted and two routes: GET /a/:id
 * answers 200, GET /boom throws (the app answers 500).
 */
export type StartTally<Req> = (options: TallyOptionsOf<Req>) => Promise<{
  server: Listening;
  mw: { settled(): Promise<void> };
}>;

const settle = () => new Promise((r) => setTimeout(r, 100));

/** What every framework's one-middleware `tally()` must do; call inside a describe. */
export function tallyContract<Req>(start: StartTally<Req>, customerId: (req: Req) => string | undefined): void {
  const open: Listening[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  const app = async (options: TallyOptionsOf<Req>) => {
    const { server, mw } = await start(options);
    open.push(server);
    return { mw, call: (path: string, customer = 'cus_1') => fetch(server.url + path, { headers: { 'x-customer': customer } }) };
  };

  it('tracks, rate limits and records the refused calls with their 429, in one middleware', async () => {
    const recorder = new MemoryRecorder();
    const { mw, call } = await app({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 2, duration: 60 } });
    const first = await call('/a/1');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect((await call('/a/2')).status).toBe(200);
    const refused = await call('/a/3');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(58);
    expect((await call('/boom')).status).toBe(429);
    await mw.settled();
    // A refused call never reached its route.
    expect(recorder.events.map((e) => [e.metadata!.endpoint, e.metadata!.status_code])).toEqual([
      ['/a/:id', 200], ['/a/:id', 200], ['(unmatched)', 429], ['(unmatched)', 429],
    ]);
  });

  it('with recordRefused: false records only the calls the limits let through', async () => {
    const recorder = new MemoryRecorder();
    const { mw, call } = await app({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 1, duration: 60 }, recordRefused: false });
    expect((await call('/a/1')).status).toBe(200);
    expect((await call('/a/2')).status).toBe(429);
    await mw.settled();
    expect(recorder.events.map((e) => e.metadata!.status_code)).toEqual([200]);
  });

  it('tracks handler errors with their status', async () => {
    const recorder = new MemoryRecorder();
    const { mw, call } = await app({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 10, duration: 60 } });
    expect((await call('/boom')).status).toBe(500);
    await mw.settled();
    expect(recorder.metadata()).toMatchObject({ endpoint: '/boom', status_code: 500 });
  });

  it('runs the quota after the rate limit, each with its headers', async () => {
    const limits = await fakeLimitsServer({ full: [countLimit(10, 10)], some: [countLimit(10, 3)] });
    open.push(limits);
    const quota = { customerId, baseURL: limits.url, apiKey: 'k', refreshMs: 60_000 };
    const recorder = new MemoryRecorder();
    const { mw, call } = await app({ tracking: { recorder, customerId }, rateLimit: { customerId, points: 100, duration: 60 }, quota });
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
    const tracked = await app({ tracking: { recorder, customerId } });
    const r = await tracked.call('/a/1');
    expect(r.status).toBe(200);
    expect(r.headers.get('ratelimit-limit')).toBeNull();
    await tracked.mw.settled();
    expect(recorder.events).toHaveLength(1);
    const bare = await app({});
    expect((await bare.call('/a/1')).status).toBe(200);
    await bare.mw.settled();
  });
}
