import { buildLimiter, type Consumer, type StoreChoice } from './build-limiter.js';
import { secondsUntil, type LimitDecision } from './decision.js';
import type { LimitSpec } from './options.js';

/** Thrown when the store failed and onStoreError is 'deny'. */
export class RateLimitStoreError extends Error {
  override name = 'RateLimitStoreError';
}

/** Decides one request of `key`; undefined when the store failed open. */
export type Limit = (key: string) => Promise<LimitDecision | undefined>;

/** rate-limiter-flexible's answer (resolved or refused) */
interface Outcome {
  msBeforeNext?: number;
  remainingPoints?: number;
}

/** A spec counted by rate-limiter-flexible, in memory or in a shared store (Redis); built once, at start. */
export function flexibleLimit(spec: LimitSpec, store: StoreChoice, name: string): Limit {
  const limiter = buildLimiter(spec, store, name);
  let built: Consumer | undefined;
  limiter.then((l) => (built = l), () => {}); // a failure is surfaced by the first request; no unhandled rejection at start

  const decide = (allowed: boolean, res: Outcome): LimitDecision => ({
    allowed,
    limit: spec.points,
    remaining: res.remainingPoints ?? 0,
    resetSeconds: secondsUntil(res.msBeforeNext ?? 0),
  });
  const allowed = (res: unknown) => decide(true, res as Outcome);
  // Over the limit, the library rejects with its answer; an Error is the store failing.
  const refused = (rejection: unknown): LimitDecision | undefined => {
    if (!(rejection instanceof Error)) return decide(false, rejection as Outcome);
    if (store.onStoreError === 'deny') throw new RateLimitStoreError(`rate-limit store failed: ${rejection.message}`);
    return undefined;
  };
  const run = (l: Consumer, key: string) => l.consume(key).then(allowed, refused);
  return (key) => (built ? run(built, key) : limiter.then((l) => run(l, key)));
}
