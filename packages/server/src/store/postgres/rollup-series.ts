import type { RollupCell } from '@tally/core';
import { CELL_FIELDS } from '../cell-fields.js';
import type { CellColumns, RollupSeries, SeriesQuery, UniqueColumns } from '../meter-types.js';
import type { RollupStore } from '../meter-store.js';
import { modeCode } from '../mode-code.js';
import { customerKeysCte } from './customer-keys.js';
import type { PgPool } from './driver.js';
import { GRAN_CODE } from './gran-code.js';
import { guard } from './guard.js';
import { fold } from './rollup-fold.js';

// trim_scale: NUMERIC keeps the widest input scale (1.50 + 1 = 2.50); core's text is canonical (2.5).
const COLUMN: Record<keyof RollupCell, string> = {
  count: 'r.n', sum: 'trim_scale(r.sum)::text', min: 'trim_scale(r.mn)::text', max: 'trim_scale(r.mx)::text',
  last_ts: 'r.last_ts', last_event_id: 'r.last_id', last_value: 'r.last_v',
};

// One row per customer and group, its buckets of every range packed into JSON
// arrays: one statement and a few hundred rows instead of one row per bucket.
// The LATERAL subquery (OFFSET 0 keeps it apart) makes each customer and
// range one index range scan; joined flat, the planner scanned whole grans.
// $1 mode, $2 mkey, $3–$5 the ranges, $6 the group key ('' for plain rows), $7 the customer filter.
function seriesSql(table: 'rollups' | 'rollup_uniques', filtered: boolean, columns: ReadonlyArray<[string, string]>): string {
  const arrays = columns.map(([name, col]) => `, '${name}', json_agg(${col})`).join('');
  return `${customerKeysCte(filtered ? '$7' : undefined)}
    SELECT k.cid, NULLIF(r.grp_value, '') AS grp, json_build_object('bucket', json_agg(r.bucket)${arrays}) AS columns
    FROM keys k CROSS JOIN unnest($3::smallint[], $4::bigint[], $5::bigint[]) AS x(gran, s, e)
    CROSS JOIN LATERAL (
      SELECT * FROM ${table} r
       WHERE r.mkey = $2 AND r.gran = x.gran AND r.customer_id = k.rid AND r.grp_key = $6 AND r.bucket >= x.s AND r.bucket < x.e
      OFFSET 0
    ) r
    GROUP BY k.cid, r.grp_value`;
}

/** The packed reads of usage queries; every pending delta is folded first. */
export function postgresRollupSeries(pool: PgPool): Pick<RollupStore, 'cellSeries' | 'uniqueSeries'> {
  const read = async (q: SeriesQuery, table: 'rollups' | 'rollup_uniques'): Promise<Array<RollupSeries<unknown>>> => {
    await guard(() => fold(pool, true));
    const mode = modeCode(q.mode);
    const [meter] = await guard(() => pool.query<{ mkey: number; agg_type: keyof typeof CELL_FIELDS }>(
      'SELECT mkey, agg_type FROM meters WHERE mode = $1 AND id = $2', [mode, q.meterId],
    ));
    if (!meter) return [];
    const columns: Array<[string, string]> = table === 'rollups' ? CELL_FIELDS[meter.agg_type].map((f) => [f, COLUMN[f]]) : [['value', 'r.value']];
    const filtered = q.customerIds !== undefined;
    const params: unknown[] = [
      mode, meter.mkey, q.ranges.map((r) => GRAN_CODE[r.gran]), q.ranges.map((r) => r.start), q.ranges.map((r) => r.end), q.groupKey ?? '',
    ];
    if (filtered) params.push(q.customerIds);
    const rows = await guard(() => pool.query<{ cid: string; grp: string | null; columns: unknown }>(seriesSql(table, filtered, columns), params));
    return rows.map((r) => ({ customerId: r.cid, group: r.grp, columns: r.columns }));
  };
  return {
    async cellSeries(q) {
      return (await read(q, 'rollups')) as Array<RollupSeries<CellColumns>>;
    },
    async uniqueSeries(q) {
      return (await read(q, 'rollup_uniques')) as Array<RollupSeries<UniqueColumns>>;
    },
  };
}
