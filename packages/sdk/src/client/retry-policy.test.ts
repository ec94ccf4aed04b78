import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, APIError, ValidationError } from './errors.js';
import { isRetryable, parseRetryAfter, retryDelay } from './retry-policy.js';

const apiError = (status: number, headers: Record<string, string> = {}) =>
  APIError.generate(status, undefined, undefined, new Headers(headers));
const opts = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('retry policy', () => {
  it('retries 5xx, 408, 429 and connection failures only', () => {
    for (const s of [500, 502, 503, 504, 408, 429]) expect(isRetryable(apiError(s))).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 413, 422]) expect(isRetryable(apiError(s))).toBe(false);
    expect(isRetryable(new APIConnectionError())).toBe(true);
    expect(isRetryable(new APIConnectionTimeoutError())).toBe(true);
    expect(isRetryable(new ValidationError('x'))).toBe(false);
    expect(isRetryable(new Error('x'))).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped, and lets Retry-After win', () => {
    expect(retryDelay(0, apiError(500), opts, () => 0)).toBe(50);
    expect(retryDelay(0, apiError(500), opts, () => 1)).toBe(100);
    expect(retryDelay(2, apiError(500), opts, () => 1)).toBe(400);
    expect(retryDelay(10, apiError(500), opts, () => 1)).toBe(1000);
    expect(retryDelay(0, apiError(503, { 'retry-after': '0.3' }), opts, () => 1)).toBe(300);
    expect(retryDelay(0, apiError(429, { 'retry-after': '120' }), opts)).toBe(1000);
  });

  it('maps statuses to named error classes with the server fields', () => {
    const e = APIError.generate(400, { code: 'VALIDATION_ERROR', message: 'bad', details: { issues: [] } }, undefined, new Headers());
    expect(e.name).toBe('BadRequestError');
    expect(e.message).toBe('400 bad');
    expect(apiError(503).name).toBe('InternalServerError');
    expect(apiError(418).name).toBe('APIError');
  });
});
