import { resolveCustomerSync } from '../customer.js';
import { createRequestFilter, type RequestFilter } from '../request-filter.js';
import { buildLimiter, type Consumer } from './build-limiter.js';
import { secondsUntil, type LimitDecision } from './decision.js';
import type { LimitSpec, RateLimitOptions } from './options.js';

/** Thrown by check() when the store failed and onStoreError is 'deny'. */
export class RateLimitStoreError extends Error {
  override name = 'RateLimitStoreError';
}

interface Rule {
  matches: RequestFilter;
  spec: LimitSpec;
  limiter: Promise<Consumer>;
}

interface Outcome {
  msBeforeNext?: number;
  remainingPoints?: number;
}

export interface RateLimiter<Req> {
  readonly accepts: RequestFilter;
  /** undefined when the request is not limited (no customer, or the store failed open). */
  check(req: Req, method: string, path: string): Promise<LimitDecision | undefined>;
}

export function createRateLimiter<Req>(options: RateLimitOptions<Req>): RateLimiter<Req> {
  const store = { redis: options.redis, keyPrefix: options.keyPrefix ?? 'tally-rl', onStoreError: options.onStoreError ?? 'memory' };
  const rule = (spec: LimitSpec, name: string, matches: RequestFilter): Rule => {
    const limiter = buildLimiter(spec, store, name);
    limiter.catch(() => {}); // surfaced by check(); no unhandled rejection at start
    return { matches, spec, limiter };
  };
  const rules = (options.endpoints ?? []).map((e, i) => rule(e, `e${i}`, createRequestFilter({ include: e.paths, methods: e.methods })));
  const fallback = rule(options, 'default', createRequestFilter({}));

  const decide = (spec: LimitSpec, allowed: boolean, res: Outcome): LimitDecision => ({
    allowed,
    limit: spec.points,
    remaining: res.remainingPoints ?? 0,
    resetSeconds: secondsUntil(res.msBeforeNext ?? 0),
  });

  const consume = async (r: Rule, customer: string): Promise<LimitDecision | undefined> => {
    const limiter = await r.limiter;
    try {
      return decide(r.spec, true, (await limiter.consume(customer)) as Outcome);
    } catch (rejection) {
      if (!(rejection instanceof Error)) return decide(r.spec, false, rejection as Outcome);
      if (store.onStoreError === 'deny') throw new RateLimitStoreError(`rate-limit store failed: ${rejection.message}`);
      return undefined;
    }
  };

  return {
    accepts: createRequestFilter(options),
    async check(req, method, path) {
      const customer = await resolveCustomerSync(options, req);
      if (customer === undefined) return undefined;
      const r = rules.find((x) => x.matches(method, path)) ?? fallback;
      return consume(r, customer);
    },
  };
}
