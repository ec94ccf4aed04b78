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
  return {
    kind: 'sqlite',
    events: sqliteEvents(db),
    customers: sqliteCustomers(db),
    keys: sqliteKeys(db),
    async ping() {
      guard(() => db.prepare('SELECT 1').get());
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
