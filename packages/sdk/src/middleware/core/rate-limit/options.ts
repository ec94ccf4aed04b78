import type { CustomerOptions } from '../customer.js';
import type { PathPattern } from '../path-pattern.js';
import type { FilterOptions } from '../request-filter.js';

/** One limit. */
export interface LimitSpec {
  /** Requests allowed per `duration` seconds. */
  points: number;
  duration: number;
  /**
   * 'fixed-window' (default): `points` per window of `duration` seconds.
   * 'token-bucket': a steady `points` per `duration` plus a reserve of
   * `burst` requests refilled every `burstDuration` seconds, spent only once
   * the steady rate is used up (rate-limiter-flexible's BurstyRateLimiter).
   */
  algorithm?: 'fixed-window' | 'token-bucket';
  burst?: number;
  burstDuration?: number;
}

/** A limit of its own for some endpoints, counted per customer apart from the default. */
export interface EndpointLimit extends LimitSpec {
  /** Paths (globs or RegExps) this limit covers; a request uses the first rule that matches. */
  paths: readonly PathPattern[];
  methods?: readonly string[];
}

export interface RateLimitOptions<Req> extends CustomerOptions<Req>, FilterOptions, LimitSpec {
  /** Per-endpoint limits; requests matching none use the default (`points`/`duration`). */
  endpoints?: readonly EndpointLimit[];
  /**
   * A Redis client (ioredis, or node-redis v4+) shared by every gateway
   * replica, so they all count against one limit. Default: this process's memory.
   */
  redis?: unknown;
  /** Prefix of the Redis keys. Default 'tally-rl'. */
  keyPrefix?: string;
  /**
   * When Redis fails: 'memory' (default) counts in this process meanwhile,
   * 'allow' lets requests through, 'deny' answers 503.
   */
  onStoreError?: 'memory' | 'allow' | 'deny';
}
