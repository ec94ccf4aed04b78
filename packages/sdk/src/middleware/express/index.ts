import { quotaGate } from '../core/quota/quota-gate.js';
import type { QuotaOptions } from '../core/quota/options.js';
import { rateLimitGate } from '../core/rate-limit/rate-limit-gate.js';
import type { RateLimitOptions } from '../core/rate-limit/options.js';
import { gateMiddleware } from './gate-middleware.js';
import type { ExpressMiddleware, ExpressRequest } from './types.js';

export { trackApiCalls, type ExpressTrackingMiddleware } from './track-api-calls.js';
export { tallyApp, type AppTracking } from './tally-app.js';
export { tally, type TallyExpressOptions } from './tally-middleware.js';
export type { ExpressApp, ExpressMiddleware, ExpressRequest, ExpressNext } from './types.js';
export type { TrackingOptions } from '../core/tracking-options.js';
export type { CallFacts } from '../../api-call/call-facts.js';
export { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';
export type { PathPattern } from '../core/path-pattern.js';
export type { RateLimitOptions, LimitSpec, EndpointLimit } from '../core/rate-limit/options.js';
export type { QuotaOptions, QuotaLimit } from '../core/quota/options.js';

/** Per-customer rate limits (429 + Retry-After and RateLimit-* headers). Mount after auth. */
export function rateLimit<Req extends ExpressRequest = ExpressRequest>(options: RateLimitOptions<Req>): ExpressMiddleware<Req> {
  return gateMiddleware(rateLimitGate(options));
}

/** Usage quotas from the Tally server's limits, enforced from a local cache (no round-trip per request). */
export function enforceQuotas<Req extends ExpressRequest = ExpressRequest>(options: QuotaOptions<Req>): ExpressMiddleware<Req> {
  return gateMiddleware(quotaGate(options));
}
