import type { Store } from '../store.js';
import { sqliteAnalytics } from './analytics.js';
import { sqliteCustomers } from './customers.js';
import { localWriter, type EventWriter } from './event-writer.js';
import { sqliteEvents } from './events.js';
import { guard } from './guard.js';
import { sqliteKeys } from './keys.js';
import { sqliteLimits } from './limits.js';
import { sqliteMeters } from './meters.js';
import { openDb } from './open-db.js';
import { sqlitePlans } from './plans.js';
import { rollupApplier } from './rollup-apply.js';
import { RollupKeys } from './rollup-keys.js';
import { sqliteRollups } from './rollups.js';
import { sqliteStats } from './stats.js';
import { threadWriter } from './writer-thread.js';

export interface SqliteOptions {
  /** A file path, or ':memory:'. The folder is created when missing. */
  path: string;
  /**
   * Run event inserts and rollup folds on a writer thread with its own
   * connection (the server does), so commits and folds use the second core
   * and never hold up request handling. Not for ':memory:'.
   */
  writerThread?: boolean;
}

/** Opens (creating if absent) and migrates a SQLite database. */
export function openSqliteStore({ path, writerThread = false }: SqliteOptions): Store {
  const db = openDb(path);
  const keys = new RollupKeys(db);
  const applier = rollupApplier(db, keys);
  const analytics = sqliteAnalytics(db);
  const writer: EventWriter = writerThread && path !== ':memory:' ? threadWriter(path) : localWriter(db, analytics, keys);
  const catchUp = () => writer.catchUp();
  return {
    kind: 'sqlite',
    events: sqliteEvents(db, writer),
    meters: sqliteMeters(db),
    rollups: sqliteRollups(db, applier, catchUp),
    plans: sqlitePlans(db),
    analytics: {
      async apiCalls(q) {
        await catchUp();
        return analytics.store.apiCalls(q);
      },
    },
    limits: sqliteLimits(db),
    stats: sqliteStats(db),
    customers: sqliteCustomers(db),
    keys: sqliteKeys(db),
    useRollupRules(rules) {
      writer.useRules(rules);
    },
    rollupLag: () => writer.pending(),
    async ping() {
      guard(() => db.prepare('SELECT 1').get());
    },
    async close() {
      await writer.close().catch(() => {});
      if (db.open) db.close();
    },
  };
}
