export { createRateLimiter, RateLimitStoreError, type RateLimiter } from './rate-limiter.js';
export { rateLimitHeaders, type LimitDecision } from './decision.js';
export type { RateLimitOptions, LimitSpec, EndpointLimit } from './options.js';
