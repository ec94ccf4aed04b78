import postgres from 'postgres';
import type { PgPool, PgQueryable } from './driver.js';

export interface ConnectOptions {
  /** Most connections this process opens. */
  max: number;
  /** Seconds to wait for a connection before failing (the request then gets a 503). */
  connectTimeoutS?: number;
}

// Epoch milliseconds are below 2^53, so BIGINT as a plain number is exact.
const BIGINT_AS_NUMBER = { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) };

/** Opens a postgres.js pool behind the small PgPool interface. */
export function connectPostgres(url: string, opts: ConnectOptions): PgPool {
  const fromUrl = new URL(url).searchParams;
  // Named prepared statements do not survive PgBouncer < 1.21 in transaction mode: ?prepare=false.
  const prepare = fromUrl.get('prepare') !== 'false';
  const sql = postgres(url, {
    max: opts.max,
    // A short default so an unreachable database fails fast; the URL may override it.
    ...(fromUrl.has('connect_timeout') ? {} : { connect_timeout: opts.connectTimeoutS ?? 5 }),
    ...(fromUrl.has('idle_timeout') ? {} : { idle_timeout: 60 }),
    onnotice: () => {},
    types: { bigint: BIGINT_AS_NUMBER },
  });
  const wrap = (s: postgres.Sql | postgres.TransactionSql): PgQueryable => ({
    // Prepared: the same few statements run millions of times.
    query: async (text, params = []) =>
      (await s.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare })) as never,
    script: async (text) => {
      await s.unsafe(text);
    },
  });
  return {
    ...wrap(sql),
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx))) as never,
    end: (timeoutS = 5) => sql.end({ timeout: timeoutS }),
  };
}
