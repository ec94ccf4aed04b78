import type { PgPool } from './driver.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';

export class SchemaTooNewError extends Error {}

// One lock per schema, so several Tally databases (or test schemas) in one
// PostgreSQL cluster do not wait on each other.
export const LOCK_KEY_SQL = (name: string) => `hashtext('tally.${name}.' || current_schema())`;

/**
 * Brings the schema up to date. Replicas that start together all call this:
 * the advisory lock lets one migrate while the others wait, then find
 * nothing to do. A database written by a newer Tally is refused.
 */
export async function migratePostgres(pool: PgPool, migrations = POSTGRES_MIGRATIONS): Promise<{ from: number; to: number }> {
  return pool.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY_SQL('migrate')})`);
    await tx.script('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const [row] = await tx.query<{ version: number }>('SELECT version FROM schema_version');
    const from = row?.version ?? 0;
    const known = migrations.length;
    if (from > known) {
      throw new SchemaTooNewError(`the database schema is version ${from}, newer than this Tally knows (${known}); upgrade Tally`);
    }
    for (let v = from; v < known; v++) await tx.script(migrations[v]!);
    if (from !== known) {
      await tx.query('DELETE FROM schema_version');
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [known]);
    }
    return { from, to: known };
  });
}

/** The schema version the database is at, without changing anything (0 when empty). */
export async function schemaVersion(pool: PgPool): Promise<number> {
  const [t] = await pool.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (!t?.t) return 0;
  const [row] = await pool.query<{ version: number }>('SELECT version FROM schema_version');
  return row?.version ?? 0;
}
