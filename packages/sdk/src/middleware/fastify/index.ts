import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { QuotaOptions } from '../core/quota/options.js';
import { quotaGate } from '../core/quota/quota-gate.js';
import type { RateLimitOptions } from '../core/rate-limit/options.js';
import { rateLimitGate } from '../core/rate-limit/rate-limit-gate.js';
import type { TrackingOptions } from '../core/tracking-options.js';
import { addGateHook, type GateHookName } from './gate-hook.js';
import { asRootPlugin } from './plugin-meta.js';
import { addTrackingHooks } from './tracking-hooks.js';

export interface TallyFastifyOptions {
  /** Record one usage event per request. */
  tracking?: TrackingOptions<FastifyRequest>;
  /** Per-customer rate limits (429 + RateLimit-* headers). */
  rateLimit?: RateLimitOptions<FastifyRequest>;
  /** Usage quotas from the Tally server's limits, from a local cache. */
  quota?: QuotaOptions<FastifyRequest>;
  /**
   * When limits run: 'onRequest' (default, before the body is read) or
   * 'preHandler' (after your auth hooks that need the body).
   */
  gateHook?: GateHookName;
}

/** The Fastify 5 plugin: `app.register(tally, { tracking, rateLimit, quota })`. Applies to the whole app. */
export const tally = asRootPlugin(async function tally(app: FastifyInstance, options: TallyFastifyOptions) {
  if (options.tracking) addTrackingHooks(app, options.tracking);
  const hook = options.gateHook ?? 'onRequest';
  if (options.rateLimit) addGateHook(app, rateLimitGate(options.rateLimit), hook);
  if (options.quota) addGateHook(app, quotaGate(options.quota), hook);
}, '@tally/sdk');

export type { TrackingOptions } from '../core/tracking-options.js';
export type { CallFacts } from '../../api-call/call-facts.js';
export { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';
export type { PathPattern } from '../core/path-pattern.js';
export type { RateLimitOptions, LimitSpec, EndpointLimit } from '../core/rate-limit/options.js';
export type { QuotaOptions, QuotaLimit } from '../core/quota/options.js';
