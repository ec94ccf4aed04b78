import type { TimeWindow } from '@tally/core';

/** Everything the server reads from outside, parsed and validated once at start. */
export interface Config {
  host: string;
  port: number;
  /** A SQLite path (default ./data/tally.db) or a postgres:// URL. */
  databaseUrl: string;
  /** PostgreSQL connection pool size per server process. */
  poolSize: number;
  /** Largest accepted request body, after decompression, in bytes. */
  bodyLimit: number;
  /** The accepted event time window; older history goes through `tally import`. */
  window: TimeWindow;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Reported as business_id in API replies, as upstream does. */
  businessId: string;
  /** How long in-flight requests may take to finish on SIGTERM. */
  shutdownTimeoutMs: number;
}

export const DEFAULTS: Config = {
  host: '127.0.0.1',
  port: 8080,
  databaseUrl: './data/tally.db',
  poolSize: 10,
  bodyLimit: 8 * 1024 * 1024,
  window: { maxAgeMs: 35 * 86_400_000, maxFutureMs: 5 * 60_000 },
  logLevel: 'info',
  businessId: 'bus_tally',
  shutdownTimeoutMs: 10_000,
};
