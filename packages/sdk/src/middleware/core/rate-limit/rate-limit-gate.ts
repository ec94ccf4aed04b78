import type { Gate, GateVerdict } from '../gate.js';
import { rateLimitHeaders, type LimitDecision } from './decision.js';
import type { RateLimitOptions } from './options.js';
import { createRateLimiter, RateLimitStoreError } from './rate-limiter.js';

function verdict(d: LimitDecision | undefined): GateVerdict | undefined {
  if (!d) return undefined;
  const headers = rateLimitHeaders(d);
  if (d.allowed) return { headers };
  return { headers, deny: { status: 429, body: { code: 'rate_limited', message: `Rate limit of ${d.limit} requests exceeded; retry in ${d.resetSeconds} s.` } } };
}

function storeFailed(error: unknown): GateVerdict {
  if (!(error instanceof RateLimitStoreError)) throw error;
  return { headers: ['retry-after', '1'], deny: { status: 503, body: { code: 'rate_limit_unavailable', message: error.message } } };
}

/** Per-customer (and per-endpoint) rate limits, as a gate for any framework. */
export function rateLimitGate<Req>(options: RateLimitOptions<Req>): Gate<Req> {
  const limiter = createRateLimiter(options);
  return {
    accepts: limiter.accepts,
    needsPath: limiter.needsPath,
    evaluate: (req, method, path) => limiter.check(req, method, path)?.then(verdict, storeFailed),
  };
}
