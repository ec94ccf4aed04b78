import { describe, expect, it } from 'vitest';
import { rateLimitGate } from './rate-limit-gate.js';

type Req = { customer?: string };

describe('rateLimitGate', () => {
  it('decides in memory without a promise, so the next handler runs in the same tick', () => {
    const gate = rateLimitGate<Req>({ customerId: (r) => r.customer, points: 1, duration: 60 });
    const first = gate.evaluate({ customer: 'c' }, 'GET', '/x');
    expect(first).not.toBeInstanceOf(Promise);
    expect(first).toEqual({ headers: ['ratelimit-limit', '1', 'ratelimit-remaining', '0', 'ratelimit-reset', '60'] });
    const second = gate.evaluate({ customer: 'c' }, 'GET', '/x');
    expect(second).toMatchObject({ deny: { status: 429, body: { code: 'rate_limited' } } });
    expect(second!.headers.slice(-2)).toEqual(['retry-after', '60']);
    expect(gate.evaluate({}, 'GET', '/x')).toBeUndefined();
  });

  it('waits for an asynchronous customer resolver, with the same verdicts', async () => {
    const gate = rateLimitGate<Req>({ customerId: async (r) => r.customer, points: 1, duration: 60 });
    const first = gate.evaluate({ customer: 'c' }, 'GET', '/x');
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ headers: ['ratelimit-limit', '1', 'ratelimit-remaining', '0', 'ratelimit-reset', '60'] });
    expect(await gate.evaluate({ customer: 'c' }, 'GET', '/x')).toMatchObject({ deny: { status: 429 } });
  });
});
