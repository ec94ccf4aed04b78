import fc from 'fast-check';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { secondsUntil, type LimitDecision } from './decision.js';
import { memoryLimit } from './memory-limit.js';
import { MemoryWindows } from './memory-windows.js';
import type { LimitSpec } from './options.js';

/** The decision rate-limiter-flexible's own memory limiters give, read as the store path reads it. */
async function flexibleDecision(limiter: { consume(key: string): Promise<unknown> }, spec: LimitSpec, key: string): Promise<LimitDecision> {
  const read = (allowed: boolean, r: RateLimiterRes) => ({ allowed, limit: spec.points, remaining: r.remainingPoints, resetSeconds: secondsUntil(r.msBeforeNext) });
  return limiter.consume(key).then((r) => read(true, r as RateLimiterRes), (r: RateLimiterRes) => read(false, r));
}

function flexible(spec: LimitSpec) {
  const steady = new RateLimiterMemory({ points: spec.points, duration: spec.duration });
  if (spec.algorithm !== 'token-bucket') return steady;
  return new BurstyRateLimiter(steady, new RateLimiterMemory({ points: spec.burst!, duration: spec.burstDuration ?? spec.duration }));
}

const specArb: fc.Arbitrary<LimitSpec> = fc.oneof(
  fc.record({ points: fc.integer({ min: 1, max: 4 }), duration: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    points: fc.integer({ min: 1, max: 3 }),
    duration: fc.integer({ min: 1, max: 3 }),
    algorithm: fc.constant('token-bucket' as const),
    burst: fc.integer({ min: 1, max: 3 }),
    burstDuration: fc.integer({ min: 1, max: 5 }),
  }),
);
// Each step: time passes (0 to 1.5 s), then one request of one of three customers.
const stepsArb = fc.array(fc.record({ waitMs: fc.integer({ min: 0, max: 1500 }), key: fc.constantFrom('a', 'b', 'c') }), { minLength: 1, maxLength: 40 });

describe('memoryLimit', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2025-03-01T12:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it("decides every request as rate-limiter-flexible's memory limiters do (fixed window and token bucket)", async () => {
    await fc.assert(
      fc.asyncProperty(specArb, stepsArb, async (spec, steps) => {
        const ours = memoryLimit(spec);
        const theirs = flexible(spec);
        for (const { waitMs, key } of steps) {
          vi.advanceTimersByTime(waitMs);
          expect(ours(key)).toEqual(await flexibleDecision(theirs, spec, key));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers synchronously', () => {
    const limit = memoryLimit({ points: 1, duration: 60 });
    expect(limit('a')).toEqual({ allowed: true, limit: 1, remaining: 0, resetSeconds: 60 });
    expect(limit('a')).toEqual({ allowed: false, limit: 1, remaining: 0, resetSeconds: 60 });
  });
});

describe('MemoryWindows', () => {
  it('forgets ended windows once per window length, not per key', () => {
    const w = new MemoryWindows(1000);
    for (let i = 0; i < 100; i++) w.consume(`k${i}`, 10_000);
    expect(w.size).toBe(100);
    w.consume('k0', 10_999);
    expect(w.size).toBe(100);
    expect(w.consume('late', 11_000)).toEqual({ consumed: 1, msBeforeNext: 1000 });
    expect(w.size).toBe(1);
  });
});
