import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { sqliteCustomers } from './customers.js';
import type { SqliteDatabase } from './driver.js';
import { sqliteEvents } from './events.js';
import { guard } from './guard.js';
import { sqliteKeys } from './keys.js';
import { migrateSqlite } from './migrate.js';
import { registerDecimalFunctions } from './decimal-functions.js';
import { sqliteMeters } from './meters.js';
import { sqliteStats } from './stats.js';
import { sqlitePlans } from './plans.js';
import { sqliteAnalytics } from './analytics.js';
import { sqliteLimits } from './limits.js';
import { rollupApplier } from './rollup-apply.js';
import { RollupKeys } from './rollup-keys.js';
import { sqliteRollups } from './rollups.js';
import { rollupFolder } from './rollup-fold.js';

export interface SqliteOptions {
  /** A file path, or ':memory:'. The folder is created when missing. */
  path: string;
}

/** Opens (creating if absent) and migrates a SQLite database. */
export function openSqliteStore({ path }: SqliteOptions): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path) as unknown as SqliteDatabase;
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the 200 goes out, even across power loss.
  db.pragma('synchronous = FULL');
  // Other processes (the CLI beside a running server) wait instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Index pages stay in memory: the default 2 MB cache thrashes on event indexes.
  db.pragma('cache_size = -65536');
  migrateSqlite(db);
  registerDecimalFunctions(db);
  const applier = rollupApplier(db, new RollupKeys(db));
  const analytics = sqliteAnalytics(db);
  const folder = rollupFolder(db, applier, analytics);
  return {
    kind: 'sqlite',
    events: sqliteEvents(db, folder.committed),
    meters: sqliteMeters(db),
    rollups: sqliteRollups(db, applier, folder),
    plans: sqlitePlans(db),
    analytics: {
      async apiCalls(q) {
        guard(() => folder.catchUp());
        return analytics.store.apiCalls(q);
      },
    },
    limits: sqliteLimits(db),
    stats: sqliteStats(db),
    customers: sqliteCustomers(db),
    keys: sqliteKeys(db),
    useRollupRules(rules) {
      folder.use(rules);
    },
    rollupLag: () => folder.pending(),
    async ping() {
      guard(() => db.prepare('SELECT 1').get());
    },
    async close() {
      folder.stop();
      if (db.open) db.close();
    },
  };
}
