import { warnOnError } from '../../../blueprints/shared/report.js';
import { resolveCustomerSync } from '../customer.js';
import { secondsUntil, type LimitDecision } from '../rate-limit/decision.js';
import { createRequestFilter, type RequestFilter } from '../request-filter.js';
import { fetchLimits } from './fetch-limits.js';
import type { QuotaLimit, QuotaOptions } from './options.js';
import { QuotaCache, type QuotaState } from './quota-cache.js';

export interface QuotaEnforcer<Req> {
  readonly accepts: RequestFilter;
  readonly mode: 'hard' | 'soft';
  /** No network: answers from the cache (undefined = nothing known or enforced yet). */
  check(req: Req): LimitDecision | undefined | Promise<LimitDecision | undefined>;
  readonly cache: QuotaCache;
}

function env(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
}

export function createQuotaEnforcer<Req>(options: QuotaOptions<Req>): QuotaEnforcer<Req> {
  const baseURL = (options.baseURL ?? env('TALLY_BASE_URL'))?.replace(/\/+$/, '');
  const apiKey = options.apiKey ?? env('TALLY_API_KEY');
  if (!baseURL || !apiKey) throw new TypeError('quota enforcement needs baseURL and apiKey (or TALLY_BASE_URL and TALLY_API_KEY)');
  const eventName = options.eventName ?? 'api_call';
  const only = options.meters ? new Set(options.meters) : undefined;
  const onError = options.onError ?? warnOnError;
  const src = { baseURL, apiKey, fetch: options.fetch ?? globalThis.fetch };
  const cache = new QuotaCache(options.refreshMs ?? 5000, (id) => fetchLimits(src, id), (e) => onError(e));
  const counted = (l: QuotaLimit) => l.aggregation_type === 'count' && l.event_name === eventName;

  // The limit closest to running out decides; requests admitted since the fetch count on count meters.
  const decide = (state: QuotaState, now: number): LimitDecision | undefined => {
    let best: LimitDecision | undefined;
    for (const l of state.limits) {
      if (only && !only.has(l.meter_id) && !only.has(l.meter_name)) continue;
      const remaining = Number(l.remaining) - (counted(l) ? state.local : 0);
      if (best && remaining >= best.remaining) continue;
      best = { allowed: remaining > 0, limit: Number(l.limit), remaining, resetSeconds: secondsUntil(Date.parse(l.reset_at) - now) };
    }
    return best;
  };

  const checkFor = (customer: string | undefined) => {
    if (customer === undefined) return undefined;
    const now = Date.now();
    const state = cache.get(customer, now);
    const decision = state && decide(state, now);
    if (!decision || decision.allowed || options.mode === 'soft') cache.admit(customer);
    return decision;
  };

  return {
    accepts: createRequestFilter(options),
    mode: options.mode ?? 'hard',
    cache,
    check(req) {
      const customer = resolveCustomerSync(options, req);
      return customer instanceof Promise ? customer.then(checkFor) : checkFor(customer);
    },
  };
}
