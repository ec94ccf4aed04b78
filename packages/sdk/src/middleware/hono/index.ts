import type { Context, MiddlewareHandler } from 'hono';
import type { QuotaOptions } from '../core/quota/options.js';
import { quotaGate } from '../core/quota/quota-gate.js';
import type { RateLimitOptions } from '../core/rate-limit/options.js';
import { rateLimitGate } from '../core/rate-limit/rate-limit-gate.js';
import { gateMiddleware } from './gate-middleware.js';

export { trackApiCalls, type HonoTrackingMiddleware } from './track-api-calls.js';
export { tally, type TallyHonoOptions } from './tally-middleware.js';
export type { TrackingOptions } from '../core/tracking-options.js';
export type { CallFacts } from '../../api-call/call-facts.js';
export { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';
export type { PathPattern } from '../core/path-pattern.js';
export type { RateLimitOptions, LimitSpec, EndpointLimit } from '../core/rate-limit/options.js';
export type { QuotaOptions, QuotaLimit } from '../core/quota/options.js';

/** Per-customer rate limits (429 + Retry-After and RateLimit-* headers). */
export function rateLimit(options: RateLimitOptions<Context>): MiddlewareHandler {
  return gateMiddleware(rateLimitGate(options));
}

/** Usage quotas from the Tally server's limits, enforced from a local cache (no round-trip per request). */
export function enforceQuotas(options: QuotaOptions<Context>): MiddlewareHandler {
  return gateMiddleware(quotaGate(options));
}
