import type { PgPool, PgQueryable } from './driver.js';
import { LOCK_KEY_SQL } from './migrate.js';

export interface MonthRange {
  name: string;
  /** Inclusive, epoch ms (UTC month start). */
  from: number;
  /** Exclusive. */
  to: number;
}

/** The UTC calendar month `offset` months from the one holding `at`. */
export function monthAt(at: number, offset = 0): MonthRange {
  const d = new Date(at);
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
  const to = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 1);
  const s = new Date(from);
  return { name: `events_p${s.getUTCFullYear()}_${String(s.getUTCMonth() + 1).padStart(2, '0')}`, from, to };
}

async function existing(tx: PgQueryable): Promise<Set<string>> {
  const rows = await tx.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'events'::regclass`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Makes sure monthly partitions exist from `back` months before `now` to
 * `ahead` months after. Rows already sitting in the default partition for a
 * new month are moved into it first, since PostgreSQL refuses to create a
 * partition whose range the default partition holds rows for.
 * Returns the partitions it created.
 */
export async function ensurePartitions(pool: PgPool, now: number, back = 2, ahead = 2): Promise<string[]> {
  const wanted: MonthRange[] = [];
  for (let i = -back; i <= ahead; i++) wanted.push(monthAt(now, i));
  return pool.transaction(async (tx) => {
    // Never queue behind long ingest locks for long: it will be tried again later.
    await tx.script("SET LOCAL lock_timeout = '10s'");
    await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY_SQL('partitions')})`);
    const have = await existing(tx);
    const made: string[] = [];
    for (const m of wanted.filter((w) => !have.has(w.name))) {
      await tx.script(`CREATE TABLE ${m.name} (LIKE events INCLUDING DEFAULTS)`);
      await tx.script(
        `WITH moved AS (DELETE FROM events_default WHERE ts >= ${m.from} AND ts < ${m.to} RETURNING *)
         INSERT INTO ${m.name} SELECT * FROM moved`,
      );
      await tx.script(`ALTER TABLE events ATTACH PARTITION ${m.name} FOR VALUES FROM (${m.from}) TO (${m.to})`);
      made.push(m.name);
    }
    return made;
  });
}
