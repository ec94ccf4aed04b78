import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { registerDecimalFunctions } from './decimal-functions.js';
import type { SqliteDatabase } from './driver.js';
import { migrateSqlite } from './migrate.js';

/** Opens one connection with the settings every connection of Tally's uses, migrating the schema. */
export function openDb(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path) as unknown as SqliteDatabase;
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the 200 goes out, even across power loss.
  db.pragma('synchronous = FULL');
  // Other connections (the writer thread, the CLI beside a server) wait instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Index pages stay in memory: the default 2 MB cache thrashes on event indexes.
  db.pragma('cache_size = -65536');
  migrateSqlite(db);
  registerDecimalFunctions(db);
  return db;
}
