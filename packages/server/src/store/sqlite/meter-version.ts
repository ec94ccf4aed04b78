import type { SqliteDatabase, SqliteStatement } from './driver.js';

// The meter-set version of a mode: bumped whenever the set of counting meters
// changes, checked by every ingest that applies a rollup plan.

const statements = new WeakMap<SqliteDatabase, { read: SqliteStatement; bump: SqliteStatement }>();

function prepared(db: SqliteDatabase) {
  let s = statements.get(db);
  if (!s) {
    s = {
      read: db.prepare('SELECT version FROM meter_versions WHERE mode = ?'),
      bump: db.prepare('INSERT INTO meter_versions (mode, version) VALUES (?, 1) ON CONFLICT (mode) DO UPDATE SET version = version + 1'),
    };
    statements.set(db, s);
  }
  return s;
}

export function readVersion(db: SqliteDatabase, mode: number): number {
  return (prepared(db).read.get(mode) as { version: number } | undefined)?.version ?? 0;
}

export function bumpVersion(db: SqliteDatabase, mode: number): void {
  prepared(db).bump.run(mode);
}
