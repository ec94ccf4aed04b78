import type { MeterStore } from '../meter-store.js';
import type { Meter } from '../meter-types.js';
import { meterFromRow, type MeterRow as Row } from '../rows.js';
import { modeCode, modeOf } from '../mode-code.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';
import { bumpVersion, readVersion } from './meter-version.js';

/** A meters row as SQLite returns it: JSON text and 0/1 where PostgreSQL has jsonb and booleans. */
export type MeterRow = Row<string | null, string, number>;

export const toMeter = (r: MeterRow): Meter => meterFromRow({
  ...r, filter: r.filter === null ? null : JSON.parse(r.filter), group_keys: JSON.parse(r.group_keys), archived: r.archived === 1,
});

export function sqliteMeters(db: SqliteDatabase): MeterStore {
  const byId = db.prepare('SELECT * FROM meters WHERE mode = ? AND id = ?');
  const insert = db.prepare(
    `INSERT INTO meters (mode, id, name, event_name, agg_type, agg_key, measurement_unit, description, filter, group_keys,
       created_at, updated_at, backfill_hwm, backfill_cursor, backfill_total, backfill_processed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)`,
  );
  const highWater = db.prepare('SELECT coalesce(max(seq), 0) AS hwm FROM events');
  const countNamed = db.prepare('SELECT count(*) AS n FROM events WHERE mode = ? AND event_name = ? AND seq <= ?');
  const active = db.prepare('SELECT * FROM meters WHERE mode = ? AND archived = 0 ORDER BY mkey');

  // The backfill bounds are taken inside the transaction that makes the meter
  // visible to ingest, so every event is either below the mark or sees the meter.
  const startBackfill = (mode: number, eventName: string) => {
    const hwm = (highWater.get() as { hwm: number }).hwm;
    return { hwm, total: (countNamed.get(mode, eventName, hwm) as { n: number }).n };
  };
  const create = db.transaction((m: Parameters<MeterStore['create']>[0]) => {
    const mode = modeCode(m.mode);
    const { hwm, total } = startBackfill(mode, m.eventName);
    insert.run(mode, m.id, m.name, m.eventName, m.aggregation.type, m.aggregation.key, m.measurementUnit, m.description,
      m.filter === null ? null : JSON.stringify(m.filter), JSON.stringify(m.groupKeys), m.createdAt, m.createdAt, hwm, total);
    bumpVersion(db, mode);
    return toMeter(byId.get(mode, m.id) as MeterRow);
  });
  const setArchived = db.transaction((mode: number, id: string, archived: boolean, at: number) => {
    const row = byId.get(mode, id) as MeterRow | undefined;
    if (!row) return undefined;
    if ((row.archived === 1) === archived) return toMeter(row);
    if (archived) {
      db.prepare('UPDATE meters SET archived = 1, updated_at = ? WHERE mkey = ?').run(at, row.mkey);
    } else {
      // Recount from scratch: events that arrived while archived were never counted.
      db.prepare('DELETE FROM rollups WHERE mkey = ?').run(row.mkey);
      db.prepare('DELETE FROM rollup_uniques WHERE mkey = ?').run(row.mkey);
      const { hwm, total } = startBackfill(mode, row.event_name);
      db.prepare(
        `UPDATE meters SET archived = 0, updated_at = ?, backfill_hwm = ?, backfill_cursor = 0,
           backfill_total = ?, backfill_processed = 0 WHERE mkey = ?`,
      ).run(at, hwm, total, row.mkey);
    }
    bumpVersion(db, mode);
    return toMeter(byId.get(mode, id) as MeterRow);
  });

  return {
    async create(m) {
      return guard(() => create(m));
    },
    async get(mode, id) {
      const row = guard(() => byId.get(modeCode(mode), id) as MeterRow | undefined);
      return row && toMeter(row);
    },
    async list(mode, q) {
      const rows = guard(() => db.prepare(
        'SELECT * FROM meters WHERE mode = ? AND archived = ? ORDER BY created_at DESC, mkey DESC LIMIT ? OFFSET ?',
      ).all(modeCode(mode), q.archived ? 1 : 0, q.limit, q.offset) as MeterRow[]);
      return rows.map(toMeter);
    },
    async setArchived(mode, id, archived, at) {
      return guard(() => setArchived(modeCode(mode), id, archived, at));
    },
    async active(mode) {
      return guard(() => db.transaction(() => ({
        version: readVersion(db, modeCode(mode)),
        meters: (active.all(modeCode(mode)) as MeterRow[]).map(toMeter),
      }))());
    },
    async unfinishedBackfills() {
      const rows = guard(() => db.prepare(
        'SELECT mode, id FROM meters WHERE archived = 0 AND backfill_cursor < backfill_hwm ORDER BY mkey',
      ).all() as Array<{ mode: number; id: string }>);
      return rows.map((r) => ({ mode: modeOf(r.mode), id: r.id }));
    },
  };
}
