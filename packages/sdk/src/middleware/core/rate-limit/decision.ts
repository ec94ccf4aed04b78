/** The outcome of one rate-limit or quota check, ready to become headers. */
export interface LimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the count resets (whole, rounded up). */
  resetSeconds: number;
}

/**
 * RateLimit-* headers (IETF draft, delta seconds), plus Retry-After when
 * refused. Names in lowercase: the same headers (names are case-insensitive),
 * and Node sets them for less than mixed-case ones, which it lowercases anew
 * for every response.
 */
export function rateLimitHeaders(d: LimitDecision): string[] {
  const remaining = String(Math.max(0, d.remaining));
  const reset = String(d.resetSeconds);
  if (d.allowed) return ['ratelimit-limit', String(d.limit), 'ratelimit-remaining', remaining, 'ratelimit-reset', reset];
  return ['ratelimit-limit', String(d.limit), 'ratelimit-remaining', remaining, 'ratelimit-reset', reset, 'retry-after', String(Math.max(1, d.resetSeconds))];
}

export function secondsUntil(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
