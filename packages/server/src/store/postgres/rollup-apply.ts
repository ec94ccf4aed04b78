import { mergeCells, type RollupCell } from '@tally/core';
import { cellColumns } from '../rollup-columns.js';
import type { BucketKey, MeterDeltas } from '../meter-types.js';
import type { PgQueryable } from './driver.js';
import { GRAN_CODE } from './gran-code.js';

// Ingest and backfills only append deltas here, to unindexed tables with no
// conflict to wait on; rollup-fold.ts merges them into the rollups, where a
// customer's hour and day rows are then upserted once per fold rather than
// once per request.
const INSERT_CELLS = `
INSERT INTO rollup_pending (mkey, gran, customer_id, grp_key, grp_value, bucket, n, sum, mn, mx, last_ts, last_id, last_v)
SELECT m.mkey, d.gran, d.customer_id, d.grp_key, d.grp_value, d.bucket, d.n, d.sum, d.mn, d.mx, d.last_ts, d.last_id, d.last_v
FROM unnest($2::text[], $3::int2[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[],
            $9::numeric[], $10::numeric[], $11::numeric[], $12::int8[], $13::text[], $14::text[])
  AS d(meter_id, gran, customer_id, grp_key, grp_value, bucket, n, sum, mn, mx, last_ts, last_id, last_v)
JOIN meters m ON m.mode = $1 AND m.id = d.meter_id`;

const INSERT_UNIQUES = `
INSERT INTO rollup_uniques_pending (mkey, gran, customer_id, grp_key, grp_value, bucket, value)
SELECT m.mkey, d.gran, d.customer_id, d.grp_key, d.grp_value, d.bucket, d.value
FROM unnest($2::text[], $3::int2[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::text[])
  AS d(meter_id, gran, customer_id, grp_key, grp_value, bucket, value)
JOIN meters m ON m.mode = $1 AND m.id = d.meter_id`;


const keyOf = (meterId: string, k: BucketKey) =>
  [meterId, k.gran, k.bucket, k.customerId, k.group?.key ?? '', k.group?.value ?? ''].join('\u0000');

/** Column arrays, one entry per row: the shape unnest() takes. */
function toColumns(rows: unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  rows.forEach((row, i) => row.forEach((v, c) => (cols[c]![i] = v)));
  return cols;
}

/** Records rollup deltas inside the caller's transaction (they commit, or vanish, with it). */
export async function applyDeltas(tx: PgQueryable, mode: number, all: readonly MeterDeltas[]): Promise<void> {
  // Fewer pending rows: merge any cells that share a key.
  const cells = new Map<string, { d: MeterDeltas; key: BucketKey; cell: RollupCell }>();
  const uniques: unknown[][] = [];
  for (const d of all) {
    for (const c of d.cells) {
      const k = keyOf(d.meterId, c);
      const had = cells.get(k);
      cells.set(k, { d, key: c, cell: had ? mergeCells(had.cell, c.cell) : c.cell });
    }
    for (const u of d.uniques) {
      for (const value of u.values) {
        uniques.push([d.meterId, GRAN_CODE[u.gran], u.customerId, u.group?.key ?? '', u.group?.value ?? '', u.bucket, value]);
      }
    }
  }
  if (cells.size > 0) {
    const rows = [...cells.values()].map(({ d, key, cell }) => [
      d.meterId, GRAN_CODE[key.gran], key.customerId, key.group?.key ?? '', key.group?.value ?? '', key.bucket, cell.count,
      ...cellColumns(d.type, cell),
    ]);
    await tx.query(INSERT_CELLS, [mode, ...toColumns(rows, 13)]);
  }
  if (uniques.length > 0) await tx.query(INSERT_UNIQUES, [mode, ...toColumns(uniques, 7)]);
}
