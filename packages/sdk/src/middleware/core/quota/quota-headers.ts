import type { LimitDecision } from '../rate-limit/decision.js';

/** Quota headers, apart from the RateLimit-* ones so both can be used together. */
export function quotaHeaders(d: LimitDecision, hard: boolean): string[] {
  const headers = ['Tally-Quota-Limit', String(d.limit), 'Tally-Quota-Remaining', String(Math.max(0, d.remaining)), 'Tally-Quota-Reset', String(d.resetSeconds)];
  if (!d.allowed && hard) headers.push('Retry-After', String(Math.max(1, d.resetSeconds)));
  return headers;
}
