import { StoreUnavailableError } from '../../errors/domain-error.js';

// Errors that say the database cannot serve now, not that the request is wrong:
// socket errors, postgres.js connection states, and SQLSTATEs for shutdown,
// overload and failover. Class 08 (connection exception) is matched by prefix.
const UNAVAILABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53000', '53100', '53200', '53300', // insufficient resources, disk full, out of memory, too many connections
  '25006', // read_only_sql_transaction: we reached a standby after a failover
  '57014', // query_canceled: statement_timeout on an overloaded server
  '55P03', // lock_not_available: lock_timeout
]);

// Conflicts between concurrent transactions that succeed when simply run again.
const RETRY_IN_PLACE = new Set(['40001', '40P01']);

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');

export function isUnavailable(err: unknown): boolean {
  const code = codeOf(err);
  return UNAVAILABLE.has(code) || code.startsWith('08');
}

/** Turns transient PostgreSQL failures into StoreUnavailableError; other errors pass through. */
export function toStoreError(err: unknown): unknown {
  if (err instanceof StoreUnavailableError || !isUnavailable(err)) return err;
  return new StoreUnavailableError(`the database is unavailable (${codeOf(err)})`, err);
}

/**
 * Runs a database call, retrying serialization failures and deadlocks a few
 * times (they are another transaction's fault, not this request's), and
 * mapping connection failures to StoreUnavailableError.
 */
export async function guard<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i < attempts && RETRY_IN_PLACE.has(codeOf(err))) {
        await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 20));
        continue;
      }
      throw toStoreError(err);
    }
  }
}
