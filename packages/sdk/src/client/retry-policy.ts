import { APIConnectionError, APIError } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step. */
  baseDelayMs: number;
  /** Cap on one backoff step (also caps what Retry-After may ask for). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** 5xx, 408 and 429 are worth another try; other 4xx would fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof APIError) return isRetryableStatus(error.status);
  return error instanceof APIConnectionError;
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * How long to wait before retry number `attempt` (0-based). The server's
 * Retry-After wins when given; otherwise exponential backoff with "equal
 * jitter" (half fixed, half random) so many clients do not retry in lockstep.
 */
export function retryDelay(attempt: number, error: unknown, opts: RetryOptions, random = Math.random): number {
  const header = error instanceof APIError ? error.headers.get('retry-after') : null;
  const asked = parseRetryAfter(header);
  if (asked !== undefined) return Math.min(asked, opts.maxDelayMs);
  const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}
