import { resolveCustomerSync } from '../customer.js';
import { createRequestFilter, type RequestFilter } from '../request-filter.js';
import { buildLimiter, checkSpec, type Consumer } from './build-limiter.js';
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
  /** The limiter once built: later requests skip awaiting it. */
  built?: Consumer;
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
    checkSpec(spec, name === 'default' ? 'rateLimit' : `rateLimit endpoints[${name.slice(1)}]`);
    const limiter = buildLimiter(spec, store, name);
    const r: Rule = { matches, spec, limiter };
    limiter.then((l) => (r.built = l), () => {}); // a failure is surfaced by check(); no unhandled rejection at start
    return r;
  };
  const rules = (options.endpoints ?? []).map((e, i) => rule(e, `e${i}`, createRequestFilter({ include: e.paths, methods: e.methods })));
  const fallback = rule(options, 'default', createRequestFilter({}));

  const decide = (spec: LimitSpec, allowed: boolean, res: Outcome): LimitDecision => ({
    allowed,
    limit: spec.points,
    remaining: res.remainingPoints ?? 0,
    resetSeconds: secondsUntil(res.msBeforeNext ?? 0),
  });

  const refused = (r: Rule) => (rejection: unknown): LimitDecision | undefined => {
    if (!(rejection instanceof Error)) return decide(r.spec, false, rejection as Outcome);
    if (store.onStoreError === 'deny') throw new RateLimitStoreError(`rate-limit store failed: ${rejection.message}`);
    return undefined;
  };
  // One promise per request once the limiter is built: the hot path of every limited request.
  const consume = (r: Rule, customer: string): Promise<LimitDecision | undefined> => {
    const run = (l: Consumer) => l.consume(customer).then((res) => decide(r.spec, true, res as Outcome), refused(r));
    return r.built ? run(r.built) : r.limiter.then(run);
  };

  return {
    accepts: createRequestFilter(options),
    check(req, method, path) {
      const limit = (customer: string | undefined) => {
        if (customer === undefined) return Promise.resolve(undefined);
        const r = rules.find((x) => x.matches(method, path)) ?? fallback;
        return consume(r, customer);
      };
      const customer = resolveCustomerSync(options, req);
      return customer instanceof Promise ? customer.then(limit) : limit(customer);
    },
  };
}
