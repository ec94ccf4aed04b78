import type { Gate, GateVerdict } from '../gate.js';
import type { LimitDecision } from '../rate-limit/decision.js';
import type { QuotaOptions } from './options.js';
import { createQuotaEnforcer } from './quota-enforcer.js';
import { quotaHeaders } from './quota-headers.js';
import type { QuotaCache } from './quota-cache.js';

/** Usage quotas from the server's limits, enforced locally, as a gate for any framework. */
export function quotaGate<Req>(options: QuotaOptions<Req>): Gate<Req> & { cache: QuotaCache } {
  const enforcer = createQuotaEnforcer(options);
  const hard = enforcer.mode === 'hard';
  const verdict = (d: LimitDecision | undefined): GateVerdict | undefined => {
    if (!d) return undefined;
    const headers = quotaHeaders(d, hard);
    if (d.allowed || !hard) return { headers };
    return { headers, deny: { status: 429, body: { code: 'quota_exceeded', message: `Usage quota of ${d.limit} used up; it resets in ${d.resetSeconds} s.` } } };
  };
  return {
    accepts: enforcer.accepts,
    needsPath: false,
    cache: enforcer.cache,
    evaluate(req) {
      const d = enforcer.check(req);
      return d instanceof Promise ? d.then(verdict) : verdict(d);
    },
  };
}
