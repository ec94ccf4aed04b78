import { describe, expect, it } from 'vitest';
import { rateLimitGate } from './rate-limit-gate.js';

type Req = { customer?: string };
const ALLOWED = { headers: ['ratelimit-limit', '1', 'ratelimit-remaining', '0', 'ratelimit-reset', '60'] };

describe('rateLimitGate', () => {
  it("counts in memory with rate-limiter-flexible: headers, then 429 with Retry-After; no customer, no limit", async () => {
    const gate = rateLimitGate<Req>({ customerId: (r) => r.customer, points: 1, duration: 60 });
    expect(await gate.evaluate({ customer: 'c' }, 'GET', '/x')).toEqual(ALLOWED);
    const second = await gate.evaluate({ customer: 'c' }, 'GET', '/x');
    expect(second).toMatchObject({ deny: { status: 429, body: { code: 'rate_limited' } } });
    expect(second!.headers.slice(-2)).toEqual(['retry-after', '60']);
    expect(await gate.evaluate({ customer: 'd' }, 'GET', '/x')).toEqual(ALLOWED);
    // Known at once: the next handler runs without waiting for anything.
    expect(gate.evaluate({}, 'GET', '/x')).toBeUndefined();
  });

  it('spends a token bucket\'s burst once the steady rate is used up', async () => {
    const gate = rateLimitGate<Req>({ customerId: (r) => r.customer, points: 1, duration: 60, algorithm: 'token-bucket', burst: 1 });
    const allowed = async () => !(await gate.evaluate({ customer: 'c' }, 'GET', '/x'))!.deny;
    expect([await allowed(), await allowed(), await allowed()]).toEqual([true, true, false]);
  });

  it('waits for an asynchronous customer resolver, with the same verdicts', async () => {
    const gate = rateLimitGate<Req>({ customerId: async (r) => r.customer, points: 1, duration: 60 });
    expect(await gate.evaluate({ customer: 'c' }, 'GET', '/x')).toEqual(ALLOWED);
    expect(await gate.evaluate({ customer: 'c' }, 'GET', '/x')).toMatchObject({ deny: { status: 429 } });
    expect(await gate.evaluate({}, 'GET', '/x')).toBeUndefined();
  });
});
