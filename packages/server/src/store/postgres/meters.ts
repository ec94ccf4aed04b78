import type { MeterStore } from '../meter-store.js';
import type { Meter } from '../meter-types.js';
import { meterFromRow, type MeterRow } from '../rows.js';
import { modeCode, modeOf } from '../mode-code.js';
import type { PgPool, PgQueryable } from './driver.js';
import { guard } from './guard.js';
import { FOLD_LOCK } from './rollup-fold.js';

export const toMeter = meterFromRow;

// Waits for every in-flight ingest of the mode (they hold the row FOR SHARE),
// and makes later ones see the new version: see INSERT_EVENTS.
const BUMP = 'UPDATE meter_versions SET version = version + 1 WHERE mode = $1';
// Taken after BUMP: every event up to it is committed (or never will be).
const HIGH_WATER = 'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS hwm FROM events_seq';
// Outside the meter change's transaction, so a long count never holds up ingest.
const COUNT_TOTAL = `UPDATE meters SET backfill_total =
    (SELECT count(*) FROM events WHERE mode = $1 AND event_name = $2 AND seq <= $3)
  WHERE mkey = $4 AND backfill_hwm = $3 RETURNING *`;

async function highWater(tx: PgQueryable, mode: number): Promise<number> {
  await tx.query(BUMP, [mode]);
  return (await tx.query<{ hwm: number }>(HIGH_WATER))[0]!.hwm;
}

export function postgresMeters(pool: PgPool): MeterStore {
  const withTotal = async (r: MeterRow) =>
    (await pool.query<MeterRow>(COUNT_TOTAL, [r.mode, r.event_name, r.backfill_hwm, r.mkey]))[0] ?? r;
  const byId = (tx: PgQueryable, mode: number, id: string, lock = '') =>
    tx.query<MeterRow>(`SELECT * FROM meters WHERE mode = $1 AND id = $2 ${lock}`, [mode, id]).then((r) => r[0]);

  return {
    async create(m) {
      const mode = modeCode(m.mode);
      return guard(async () => {
        const row = await pool.transaction(async (tx) => {
          const hwm = await highWater(tx, mode);
          const [r] = await tx.query<MeterRow>(
            `INSERT INTO meters (mode, id, name, event_name, agg_type, agg_key, measurement_unit, description, filter, group_keys,
               created_at, updated_at, backfill_hwm, backfill_cursor, backfill_total, backfill_processed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::json, $10::text::json, $11, $11, $12, 0, 0, 0) RETURNING *`,
            [mode, m.id, m.name, m.eventName, m.aggregation.type, m.aggregation.key, m.measurementUnit, m.description,
              m.filter === null ? null : JSON.stringify(m.filter), JSON.stringify(m.groupKeys), m.createdAt, hwm],
          );
          return r!;
        });
        return toMeter(await withTotal(row));
      });
    },
    async get(mode, id) {
      const row = await guard(() => byId(pool, modeCode(mode), id));
      return row && toMeter(row);
    },
    async list(mode, q) {
      const rows = await guard(() => pool.query<MeterRow>(
        'SELECT * FROM meters WHERE mode = $1 AND archived = $2 ORDER BY created_at DESC, mkey DESC LIMIT $3 OFFSET $4',
        [modeCode(mode), q.archived, q.limit, q.offset],
      ));
      return rows.map(toMeter);
    },
    async setArchived(mode, id, archived, at) {
      const code = modeCode(mode);
      return guard(async () => {
        const row = await pool.transaction(async (tx) => {
          const current = await byId(tx, code, id);
          if (!current || current.archived === archived) return current;
          // meter_versions before the meter row: the lock order backfills and ingest also follow.
          const hwm = await highWater(tx, code);
          if (archived) {
            return (await tx.query<MeterRow>('UPDATE meters SET archived = true, updated_at = $1 WHERE mkey = $2 RETURNING *', [at, current.mkey]))[0];
          }
          // Recount from scratch: events that arrived while archived were never counted.
          // Under the fold lock, so no fold in flight puts claimed deltas back after the delete.
          await tx.query(`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`);
          for (const table of ['rollups', 'rollup_uniques', 'rollup_pending', 'rollup_uniques_pending']) {
            await tx.query(`DELETE FROM ${table} WHERE mkey = $1`, [current.mkey]);
          }
          return (await tx.query<MeterRow>(
            `UPDATE meters SET archived = false, updated_at = $1, backfill_hwm = $2, backfill_cursor = 0,
               backfill_total = 0, backfill_processed = 0 WHERE mkey = $3 RETURNING *`,
            [at, hwm, current.mkey],
          ))[0];
        });
        if (!row) return undefined;
        return toMeter(archived ? row : await withTotal(row));
      });
    },
    async active(mode) {
      const code = modeCode(mode);
      // Version first: a meter change between the two reads then makes the
      // plan stale (refused and rebuilt), never silently missing a meter.
      return guard(async () => {
        const [v] = await pool.query<{ version: number }>('SELECT version FROM meter_versions WHERE mode = $1', [code]);
        const rows = await pool.query<MeterRow>('SELECT * FROM meters WHERE mode = $1 AND NOT archived ORDER BY mkey', [code]);
        return { version: v?.version ?? 0, meters: rows.map(toMeter) };
      });
    },
    async unfinishedBackfills() {
      const rows = await guard(() => pool.query<{ mode: number; id: string }>(
        'SELECT mode, id FROM meters WHERE NOT archived AND backfill_cursor < backfill_hwm ORDER BY mkey',
      ));
      return rows.map((r) => ({ mode: modeOf(r.mode), id: r.id }));
    },
  };
}
