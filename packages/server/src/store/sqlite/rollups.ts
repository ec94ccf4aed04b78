import type { RollupCell } from '@tally/core';
import type { RollupStore } from '../meter-store.js';
import type { CellRow, RollupQuery, UniqueRow } from '../meter-types.js';
import { modeCode } from '../mode-code.js';
import { customerKeysCte } from './customer-keys.js';
import type { SqliteDatabase, SqliteStatement } from './driver.js';
import { toStoredEvent } from './events.js';
import { GRAN_CODE } from './gran-code.js';
import { guard } from './guard.js';
import type { RollupApplier } from './rollup-apply.js';
import { sqliteRollupSeries } from './rollup-series.js';

// The cell columns each aggregation reads; the others are never written for it.
const CELL_COLUMNS: Record<string, string> = {
  count: 'r.n', unique_count: 'r.n', sum: 'r.n, r.sum', avg: 'r.n, r.sum', min: 'r.n, r.mn', max: 'r.n, r.mx',
  last: 'r.n, r.last_ts, r.last_id, r.last_v',
};

function readSql(table: 'rollups' | 'rollup_uniques', filtered: boolean, grouped: boolean, type: string): string {
  const cols = table === 'rollups' ? CELL_COLUMNS[type] : 'r.value';
  // Usage queries read the packed series (rollup-series.ts); these rows are for
  // checking the rollups kept, so they carry the customer ID itself.
  if (!grouped) {
    return `${customerKeysCte(filtered)}
    SELECT k.cid, r.bucket, NULL, ${cols} FROM keys k CROSS JOIN ${table} r
     WHERE r.mkey = @mkey AND r.gran = @gran AND r.ckey = k.ckey AND r.gkey = 0 AND r.bucket >= @start AND r.bucket < @end`;
  }
  return `${customerKeysCte(filtered)}
    SELECT k.cid, r.bucket, g.grp, ${cols} FROM keys k
     CROSS JOIN (SELECT gkey, value AS grp FROM rollup_groups WHERE mkey = @mkey AND name = @group) g CROSS JOIN ${table} r
     WHERE r.mkey = @mkey AND r.gran = @gran AND r.ckey = k.ckey AND r.gkey = g.gkey AND r.bucket >= @start AND r.bucket < @end`;
}

// Raw rows: [customer ID, bucket, grp, n, ...the type's columns].
type RawRow = [string, number, string | null, number, ...unknown[]];

function toCell(type: string, r: RawRow): RollupCell {
  const c: RollupCell = { count: r[3], sum: '0', min: null, max: null, last_ts: null, last_event_id: null, last_value: null };
  if (type === 'sum' || type === 'avg') c.sum = (r[4] as string | null) ?? '0';
  else if (type === 'min') c.min = r[4] as string | null;
  else if (type === 'max') c.max = r[4] as string | null;
  else if (type === 'last') (c.last_ts = r[4] as number | null), (c.last_event_id = r[5] as string | null), (c.last_value = r[6] as string | null);
  return c;
}

/** `catchUp` folds every committed event first, so reads include them all. */
export function sqliteRollups(db: SqliteDatabase, apply: RollupApplier, catchUp: () => Promise<void>): RollupStore {
  const stmts = new Map<string, SqliteStatement>();
  const stmt = (table: 'rollups' | 'rollup_uniques', q: RollupQuery, type: string) => {
    const k = `${table}:${q.customerIds !== undefined}:${q.groupKey !== undefined}:${type}`;
    let s = stmts.get(k);
    if (!s) stmts.set(k, (s = db.prepare(readSql(table, q.customerIds !== undefined, q.groupKey !== undefined, type)).raw()));
    return s;
  };
  const meterKey = db.prepare('SELECT mkey, agg_type FROM meters WHERE mode = ? AND id = ?');
  const params = (q: RollupQuery) => {
    const row = meterKey.get(modeCode(q.mode), q.meterId) as { mkey: number; agg_type: string } | undefined;
    if (!row) return undefined;
    const p: Record<string, unknown> = { mode: modeCode(q.mode), mkey: row.mkey, gran: GRAN_CODE[q.gran], start: q.start, end: q.end };
    if (q.customerIds !== undefined) p.ids = JSON.stringify(q.customerIds);
    if (q.groupKey !== undefined) p.group = q.groupKey;
    return { p, type: row.agg_type };
  };

  const meterRow = db.prepare('SELECT mkey, event_name, archived, backfill_hwm, backfill_cursor FROM meters WHERE mode = ? AND id = ?');
  const chunkEvents = db.prepare(
    `SELECT event_id, customer_id, event_name, ts, metadata, ingested_at FROM events
      WHERE seq > ? AND seq <= ? AND mode = ? AND event_name = ? ORDER BY seq`,
  );
  const advance = db.prepare(
    `UPDATE meters SET backfill_cursor = ?, backfill_processed = backfill_processed + ?
      WHERE mkey = ? AND backfill_cursor = ?`,
  );
  const chunk = db.transaction((mode: number, meterId: string, deltas: Parameters<RollupStore['backfillChunk']>[2], max: number) => {
    const m = meterRow.get(mode, meterId) as { mkey: number; event_name: string; archived: number; backfill_hwm: number; backfill_cursor: number } | undefined;
    if (!m || m.archived === 1 || m.backfill_cursor >= m.backfill_hwm) return { done: true };
    // Chunks are ranges of the event sequence: bounded work per transaction
    // whatever share of events the meter's name has.
    const upto = Math.min(m.backfill_cursor + max, m.backfill_hwm);
    const events = (chunkEvents.all(m.backfill_cursor, upto, mode, m.event_name) as Parameters<typeof toStoredEvent>[0][]).map(toStoredEvent);
    apply(mode, deltas(events));
    if (advance.run(upto, events.length, m.mkey, m.backfill_cursor).changes !== 1) throw new Error('backfill cursor moved concurrently');
    return { done: upto >= m.backfill_hwm };
  });

  return {
    ...sqliteRollupSeries(db, catchUp),
    async backfillChunk(mode, meterId, deltas, maxEvents) {
      return guard(() => chunk(modeCode(mode), meterId, deltas, maxEvents));
    },
    async cells(q): Promise<CellRow[]> {
      await catchUp();
      return guard(() => {
        const m = params(q);
        if (!m) return [];
        return (stmt('rollups', q, m.type).all(m.p) as RawRow[]).map((r) => ({ customerId: r[0], bucket: r[1], group: r[2], cell: toCell(m.type, r) }));
      });
    },
    async uniques(q): Promise<UniqueRow[]> {
      await catchUp();
      return guard(() => {
        const m = params(q);
        if (!m) return [];
        return (stmt('rollup_uniques', q, 'unique') as SqliteStatement).all(m.p).map((raw) => {
          const r = raw as [string, number, string | null, string];
          return { customerId: r[0], bucket: r[1], group: r[2], value: r[3] };
        });
      });
    },
  };
}
