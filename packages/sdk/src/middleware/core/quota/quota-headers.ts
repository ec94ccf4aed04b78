import type { LimitDecision } from '../rate-limit/decision.js';

/** Quota headers, apart from the RateLimit-* ones so both can be used together. */
export function quotaHeaders(d: LimitDecision, hard: boolean): string[] {
  const headers = ['tally-quota-limit', String(d.limit), 'tally-quota-remaining', String(Math.max(0, d.remaining)), 'tally-quota-reset', String(d.resetSeconds)];
  if (!d.allowed && hard) headers.push('retry-after', String(Math.max(1, d.resetSeconds)));
  return headers;
}
