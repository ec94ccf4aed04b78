import { StoreUnavailableError } from '../../errors/domain-error.js';
import type { Store } from '../store.js';
import { connectPostgres } from './connect.js';
import { postgresCustomers } from './customers.js';
import { postgresEvents } from './events.js';
import { guard, isUnavailable, toStoreError } from './guard.js';
import { postgresKeys } from './keys.js';
import { postgresMeters } from './meters.js';
import { postgresPlans } from './plans.js';
import { postgresAnalytics } from './analytics.js';
import { postgresLimits } from './limits.js';
import { postgresRollups } from './rollups.js';
import { postgresStats } from './stats.js';
import { migratePostgres } from './migrate.js';
import { ensurePartitions } from './partitions.js';
import { fold } from './rollup-fold.js';

export interface PostgresOptions {
  /** postgres://user:pass@host:port/db[?search_path=schema&…] */
  url: string;
  /** Connections this process may open. */
  poolSize?: number;
  /** How often partitions ahead are checked; default every 6 hours. */
  maintenanceEveryMs?: number;
  /** How often pending rollup deltas are folded in the background; default every 500 ms. */
  foldEveryMs?: number;
  /** Told about background maintenance that failed (it is tried again later). */
  onWarning?: (message: string, err: unknown) => void;
}

const PING_TIMEOUT_MS = 3_000;

/** Connects, migrates (once across replicas) and creates the partitions ahead. */
export async function openPostgresStore(opts: PostgresOptions): Promise<Store> {
  const pool = connectPostgres(opts.url, { max: opts.poolSize ?? 10 });
  const warn = opts.onWarning ?? ((message, err) => process.emitWarning(`${message}: ${(err as Error).message}`));
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end(0);
    throw toStoreError(err);
  }
  const maintain = () => ensurePartitions(pool, Date.now()).catch((err) => warn('could not create event partitions', err));
  await maintain();
  const timer = setInterval(maintain, opts.maintenanceEveryMs ?? 6 * 3_600_000);
  timer.unref();
  let closed = false;
  // Keeps rollups near the events between reads (each read folds anyway); one replica at a time.
  let folding = false;
  const folder = setInterval(() => {
    if (folding) return;
    folding = true;
    fold(pool, false)
      .catch((err) => closed || isUnavailable(err) || warn('could not fold rollups', err)) // an outage is reported by requests
      .finally(() => (folding = false));
  }, opts.foldEveryMs ?? 500);
  folder.unref();

  return {
    kind: 'postgres',
    events: postgresEvents(pool),
    customers: postgresCustomers(pool),
    keys: postgresKeys(pool),
    meters: postgresMeters(pool),
    rollups: postgresRollups(pool),
    plans: postgresPlans(pool),
    analytics: postgresAnalytics(pool),
    limits: postgresLimits(pool),
    stats: postgresStats(pool),
    async ping() {
      if (closed) throw new StoreUnavailableError('the database is closed');
      // A black-holed network would otherwise hang readiness until TCP gives up.
      let timeout: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new StoreUnavailableError('the database did not answer in time')), PING_TIMEOUT_MS);
      });
      try {
        await Promise.race([guard(() => pool.query('SELECT 1')), late]);
      } finally {
        clearTimeout(timeout);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      clearInterval(folder);
      await pool.end();
    },
  };
}
