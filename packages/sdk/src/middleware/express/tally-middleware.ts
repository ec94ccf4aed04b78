import { quotaGate } from '../core/quota/quota-gate.js';
import type { QuotaOptions } from '../core/quota/options.js';
import { rateLimitGate } from '../core/rate-limit/rate-limit-gate.js';
import type { RateLimitOptions } from '../core/rate-limit/options.js';
import type { TrackingOptions } from '../core/tracking-options.js';
import { gateMiddleware } from './gate-middleware.js';
import { watchRouteTemplate } from './route-template.js';
import { watchExpressCalls, type ExpressTrackingMiddleware } from './track-api-calls.js';
import type { ExpressMiddleware, ExpressRequest } from './types.js';

export interface TallyExpressOptions<Req extends ExpressRequest> {
  /** Record one usage event per request (calls refused by the limits below included, with their 429). */
  tracking?: TrackingOptions<Req>;
  /** Per-customer rate limits (429 + RateLimit-* headers). */
  rateLimit?: RateLimitOptions<Req>;
  /** Usage quotas from the Tally server's limits, from a local cache. */
  quota?: QuotaOptions<Req>;
  /**
   * Whether calls refused by the rate limit or the quota are recorded (with
   * their status). Default true, as the Fastify plugin does; false records,
   * and so bills, only the calls the limits let through.
   */
  recordRefused?: boolean;
}

/**
 * Tracking, rate limits and quotas as ONE Express middleware, like the
 * Fastify plugin: `app.use(tally({ tracking, rateLimit, quota }))`. Express
 * charges every middleware layer for each request (about 2% of a
 * hello-world's CPU per layer), so one layer for all three costs less than
 * mounting them apart. The rate limit runs before the quota; a refusal ends
 * the request there (recorded with its status unless `recordRefused` is false).
 */
export function tally<Req extends ExpressRequest = ExpressRequest>(options: TallyExpressOptions<Req>): ExpressTrackingMiddleware<Req> {
  const watch = options.tracking ? watchExpressCalls(options.tracking) : undefined;
  const gated = gates(options) ?? ((_req, _res, next) => next());
  let middleware: ExpressMiddleware<Req> = gated;
  if (watch && (options.recordRefused ?? true)) {
    middleware = (req, res, next) => {
      watchRouteTemplate(req);
      watch.start(req, res);
      gated(req, res, next);
    };
  } else if (watch) {
    // Tracking starts once the limits let the call through.
    middleware = (req, res, next) =>
      gated(req, res, (error) => {
        if (error === undefined) {
          watchRouteTemplate(req);
          watch.start(req, res);
        }
        next(error);
      });
  }
  return Object.assign(middleware, { settled: () => watch?.settled() ?? Promise.resolve() });
}

/** The rate limit, then the quota, as one middleware; undefined when neither is set. Shared with tallyApp. */
export function gates<Req extends ExpressRequest>(options: TallyExpressOptions<Req>): ExpressMiddleware<Req> | undefined {
  const [first, second] = [
    options.rateLimit ? gateMiddleware(rateLimitGate(options.rateLimit)) : undefined,
    options.quota ? gateMiddleware(quotaGate(options.quota)) : undefined,
  ].filter((g): g is ExpressMiddleware<Req> => g !== undefined);
  if (!first || !second) return first;
  return (req, res, next) => first(req, res, (error) => (error === undefined ? second(req, res, next) : next(error)));
}
