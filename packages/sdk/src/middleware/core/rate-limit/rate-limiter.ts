import { resolveCustomerSync } from '../customer.js';
import { createRequestFilter, type RequestFilter } from '../request-filter.js';
import { checkSpec } from './build-limiter.js';
import type { LimitDecision } from './decision.js';
import { flexibleLimit, type Limit } from './flexible-limit.js';
import type { LimitSpec, RateLimitOptions } from './options.js';

export { RateLimitStoreError } from './flexible-limit.js';

interface Rule {
  matches: RequestFilter;
  limit: Limit;
}

export type LimitCheck = undefined | Promise<LimitDecision | undefined>;

export interface RateLimiter<Req> {
  readonly accepts: RequestFilter;
  /** Only endpoint rules look at the path. */
  readonly needsPath: boolean;
  /**
   * The decision for a request; undefined when it is not limited (no
   * customer, or the store failed open), at once when a synchronous
   * customer resolver found no customer.
   */
  check(req: Req, method: string, path: string): LimitCheck;
}

export function createRateLimiter<Req>(options: RateLimitOptions<Req>): RateLimiter<Req> {
  const store = { redis: options.redis, keyPrefix: options.keyPrefix ?? 'tally-rl', onStoreError: options.onStoreError ?? 'memory' } as const;
  const rule = (spec: LimitSpec, name: string, matches: RequestFilter): Rule => {
    checkSpec(spec, name === 'default' ? 'rateLimit' : `rateLimit endpoints[${name.slice(1)}]`);
    return { matches, limit: flexibleLimit(spec, store, name) };
  };
  const rules = (options.endpoints ?? []).map((e, i) => rule(e, `e${i}`, createRequestFilter({ include: e.paths, methods: e.methods })));
  const fallback = rule(options, 'default', createRequestFilter({}));

  const limit = (method: string, path: string, customer: string | undefined): LimitCheck => {
    if (customer === undefined) return undefined;
    let r = fallback;
    for (const x of rules) if (x.matches(method, path)) { r = x; break; }
    return r.limit(customer);
  };

  return {
    accepts: createRequestFilter(options),
    needsPath: rules.length > 0,
    check(req, method, path) {
      const customer = resolveCustomerSync(options, req);
      return customer instanceof Promise ? customer.then((c) => limit(method, path, c)) : limit(method, path, customer);
    },
  };
}
