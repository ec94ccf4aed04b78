import { DEFAULT_TIME_WINDOW, type TimeWindow } from '@tally/core';
import { ConfigurationError } from './errors.js';
import { fetchTransport } from './fetch-transport.js';
import { nodeTransport } from './node-transport.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry-policy.js';
import type { Transport } from './transport.js';

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface IngestionConfig {
  /** Falls back to TALLY_API_KEY. */
  apiKey?: string;
  /** Kept for upstream compatibility; a Tally key belongs to one mode already. */
  environment?: 'test_mode' | 'live_mode';
  /** The event name used when an event gives none (e.g. 'api_call'). */
  eventName?: string;
  /** The Tally server, e.g. http://localhost:8080. Falls back to TALLY_BASE_URL. */
  baseURL?: string;
  /** Per request. Default 10 000 ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** Backoff steps; default 500 ms doubling up to 30 s. */
  retryDelay?: { baseMs?: number; maxMs?: number };
  /** Client-side timestamp window, as the server's default; null turns the check off. */
  timeWindow?: TimeWindow | null;
  /** Called before each retry. */
  onRetry?: (info: RetryInfo) => void;
  /**
   * A fetch to send with (tests, proxies). Without it the client uses
   * node:http(s) with a keep-alive agent of its own on Node, and the global
   * fetch elsewhere.
   */
  fetch?: typeof fetch;
}

export interface ResolvedConfig {
  apiKey: string;
  environment: 'test_mode' | 'live_mode';
  eventName: string | undefined;
  baseURL: string;
  timeoutMs: number;
  retry: RetryOptions;
  timeWindow: TimeWindow | undefined;
  onRetry: ((info: RetryInfo) => void) | undefined;
  /** The fetch given, else the global one (undefined where there is none and node:http is used). */
  fetch: typeof fetch | undefined;
  /** How requests go out: node:http(s) unless a fetch was given or there is no node:http. */
  transport: Transport;
}

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === '' ? undefined : value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new ConfigurationError(`${name} must be a number ≥ 0, got ${value}`);
  return value;
}

export function resolveConfig(config: IngestionConfig): ResolvedConfig {
  const apiKey = config.apiKey || env('TALLY_API_KEY');
  if (!apiKey) {
    throw new ConfigurationError('No API key: pass `apiKey` to new Ingestion({...}) or set TALLY_API_KEY.');
  }
  const base = config.baseURL || env('TALLY_BASE_URL');
  if (!base) {
    throw new ConfigurationError(
      'No server URL: pass `baseURL` (e.g. http://localhost:8080) to new Ingestion({...}) or set TALLY_BASE_URL.',
    );
  }
  if (!/^https?:\/\//i.test(base)) {
    throw new ConfigurationError(`baseURL must start with http:// or https://, got ${JSON.stringify(base)}`);
  }
  const baseURL = base.replace(/\/+$/, '');
  const f = config.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch : undefined);
  // A fetch the user passed is always used; otherwise node:http, whose cost per delivery is a fraction of fetch's.
  const transport = (config.fetch ? undefined : nodeTransport(baseURL)) ?? (f ? fetchTransport(f) : undefined);
  if (!transport) throw new ConfigurationError('No fetch available: pass `fetch` or use Node ≥ 20.');
  return {
    apiKey,
    environment: config.environment ?? 'test_mode',
    eventName: config.eventName,
    baseURL,
    timeoutMs: nonNegative(config.timeoutMs, 10_000, 'timeoutMs'),
    retry: {
      maxRetries: nonNegative(config.maxRetries, DEFAULT_RETRY.maxRetries, 'maxRetries'),
      baseDelayMs: nonNegative(config.retryDelay?.baseMs, DEFAULT_RETRY.baseDelayMs, 'retryDelay.baseMs'),
      maxDelayMs: nonNegative(config.retryDelay?.maxMs, DEFAULT_RETRY.maxDelayMs, 'retryDelay.maxMs'),
    },
    timeWindow: config.timeWindow === null ? undefined : (config.timeWindow ?? DEFAULT_TIME_WINDOW),
    onRetry: config.onRetry,
    fetch: f,
    transport,
  };
}
