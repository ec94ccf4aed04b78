import type { RollupCell } from '@tally/core';
import type { RollupStore } from '../meter-store.js';
import type { CellRow, RollupQuery, UniqueRow } from '../meter-types.js';
import { modeCode } from '../mode-code.js';
import { customerKeysCte } from './customer-keys.js';
import type { PgPool } from './driver.js';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './events.js';
import { GRAN_CODE } from './gran-code.js';
import { guard } from './guard.js';
import { applyDeltas } from './rollup-apply.js';
import { fold } from './rollup-fold.js';
import { postgresRollupSeries } from './rollup-series.js';

function readSql(table: 'rollups' | 'rollup_uniques', filtered: boolean): string {
  // trim_scale: NUMERIC keeps the widest input scale (1.50 + 1 = 2.50); core's text is canonical (2.5).
  const cols = table === 'rollups'
    ? 'r.n, trim_scale(r.sum)::text AS sum, trim_scale(r.mn)::text AS mn, trim_scale(r.mx)::text AS mx, r.last_ts, r.last_id, r.last_v'
    : 'r.value';
  return `${customerKeysCte(filtered ? '$7' : undefined)}
    SELECT k.cid, r.bucket, NULLIF(r.grp_value, '') AS grp, ${cols}
    FROM keys k JOIN ${table} r ON r.customer_id = k.rid
    WHERE r.mkey = (SELECT mkey FROM meters WHERE mode = $1 AND id = $2) AND r.gran = $3
      AND r.grp_key = $4 AND r.bucket >= $5 AND r.bucket < $6`;
}

interface CellSqlRow {
  cid: string; bucket: number; grp: string | null; n: number; sum: string | null; mn: string | null; mx: string | null;
  last_ts: number | null; last_id: string | null; last_v: string | null;
}

const toCell = (r: CellSqlRow): RollupCell => ({
  count: r.n, sum: r.sum ?? '0', min: r.mn, max: r.mx, last_ts: r.last_ts, last_event_id: r.last_id, last_value: r.last_v,
});

const params = (q: RollupQuery) => {
  const p: unknown[] = [modeCode(q.mode), q.meterId, GRAN_CODE[q.gran], q.groupKey ?? '', q.start, q.end];
  if (q.customerIds !== undefined) p.push(q.customerIds);
  return p;
};

export function postgresRollups(pool: PgPool): RollupStore {
  return {
    ...postgresRollupSeries(pool),
    async backfillChunk(mode, meterId, deltas, maxEvents) {
      const code = modeCode(mode);
      return guard(() => pool.transaction(async (tx) => {
        // FOR UPDATE: replicas resuming the same backfill take turns, each doing the next chunk.
        const [m] = await tx.query<{ mkey: number; event_name: string; archived: boolean; backfill_hwm: number; backfill_cursor: number }>(
          'SELECT mkey, event_name, archived, backfill_hwm, backfill_cursor FROM meters WHERE mode = $1 AND id = $2 FOR UPDATE',
          [code, meterId],
        );
        if (!m || m.archived || m.backfill_cursor >= m.backfill_hwm) return { done: true };
        // The next chunk of this name's events in sequence order (an index
        // range scan): bounded work, and no time spent on other names' events.
        const rows = await tx.query<EventRow & { seq: number }>(
          `SELECT seq, ${EVENT_COLUMNS} FROM events WHERE mode = $1 AND event_name = $2 AND seq > $3 AND seq <= $4
           ORDER BY seq LIMIT $5`,
          [code, m.event_name, m.backfill_cursor, m.backfill_hwm, maxEvents],
        );
        const upto = rows.length < maxEvents ? m.backfill_hwm : rows[rows.length - 1]!.seq;
        await applyDeltas(tx, code, deltas(rows.map(toStoredEvent)));
        await tx.query('UPDATE meters SET backfill_cursor = $1, backfill_processed = backfill_processed + $2 WHERE mkey = $3', [upto, rows.length, m.mkey]);
        return { done: upto >= m.backfill_hwm };
      }));
    },
    async cells(q): Promise<CellRow[]> {
      // Fold first: answers include every committed event.
      await guard(() => fold(pool, true));
      const rows = await guard(() => pool.query<CellSqlRow>(readSql('rollups', q.customerIds !== undefined), params(q)));
      return rows.map((r) => ({ customerId: r.cid, bucket: r.bucket, group: r.grp, cell: toCell(r) }));
    },
    async uniques(q): Promise<UniqueRow[]> {
      await guard(() => fold(pool, true));
      const rows = await guard(() => pool.query<{ cid: string; bucket: number; grp: string | null; value: string }>(
        readSql('rollup_uniques', q.customerIds !== undefined), params(q),
      ));
      return rows.map((r) => ({ customerId: r.cid, bucket: r.bucket, group: r.grp, value: r.value }));
    },
  };
}
