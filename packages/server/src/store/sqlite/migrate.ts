import type { SqliteDatabase } from './driver.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

/**
 * Brings the schema up to date in one transaction per step, and refuses a
 * database written by a newer Tally (a schema this code does not know).
 */
export function migrateSqlite(db: SqliteDatabase): { from: number; to: number } {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const from = row?.version ?? 0;
  const known = SQLITE_MIGRATIONS.length;
  if (from > known) {
    throw new Error(`the database schema is version ${from}, newer than this Tally knows (${known}); upgrade Tally`);
  }
  for (let v = from; v < known; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v]!);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v + 1);
    })();
  }
  return { from, to: known };
}
