import type { Context, MiddlewareHandler, Next } from 'hono';
import type { QuotaOptions } from '../core/quota/options.js';
import { quotaGate } from '../core/quota/quota-gate.js';
import type { RateLimitOptions } from '../core/rate-limit/options.js';
import { rateLimitGate } from '../core/rate-limit/rate-limit-gate.js';
import type { TrackingOptions } from '../core/tracking-options.js';
import { gateMiddleware } from './gate-middleware.js';
import { trackApiCalls, type HonoTrackingMiddleware } from './track-api-calls.js';

export interface TallyHonoOptions {
  /** Record one usage event per request (calls refused by the limits below included, with their 429). */
  tracking?: TrackingOptions<Context>;
  /** Per-customer rate limits (429 + RateLimit-* headers). */
  rateLimit?: RateLimitOptions<Context>;
  /** Usage quotas from the Tally server's limits, from a local cache. */
  quota?: QuotaOptions<Context>;
  /** Whether calls refused by the rate limit or the quota are recorded (with their status). Default true. */
  recordRefused?: boolean;
}

/**
 * Runs `outer` with `inner` as its next step. A refusal's Response becomes
 * the context's answer, as Hono's own chain would make it, so that tracking
 * around it sees the 429.
 */
function chain(outer: MiddlewareHandler, inner: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const answer = await outer(c, async () => {
      const res = await inner(c, next);
      if (res instanceof Response) c.res = res;
    });
    if (answer instanceof Response) c.res = answer;
  };
}

const through: MiddlewareHandler = (_c, next: Next) => next();

/**
 * Tracking, rate limits and quotas as one Hono middleware, as `tally()` is
 * for Express and the plugin for Fastify: `app.use(tally({ tracking,
 * rateLimit, quota }))`. The rate limit runs before the quota; a refusal
 * answers 429 there (recorded with its status unless `recordRefused` is false).
 */
export function tally(options: TallyHonoOptions): HonoTrackingMiddleware {
  const gates = [
    options.rateLimit && gateMiddleware(rateLimitGate(options.rateLimit)),
    options.quota && gateMiddleware(quotaGate(options.quota)),
  ].filter((g): g is MiddlewareHandler => g !== undefined);
  const gated = gates.reduceRight<MiddlewareHandler | undefined>((inner, gate) => (inner ? chain(gate, inner) : gate), undefined) ?? through;
  const track = options.tracking && trackApiCalls(options.tracking);
  let middleware = gated;
  if (track) middleware = options.recordRefused ?? true ? chain(track, gated) : chain(gated, track);
  return Object.assign(middleware, { settled: () => track?.settled() ?? Promise.resolve() });
}
