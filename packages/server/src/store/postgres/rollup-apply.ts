import { mergeCells, type AggregationType, type RollupCell } from '@tally/core';
import type { BucketKey, MeterDeltas } from '../meter-types.js';
import type { PgQueryable } from './driver.js';
import { GRAN_CODE } from './gran-code.js';

// `last` keeps the later event: greater timestamp, then greater event_id by
// code point (last_id is COLLATE "C"), the order core's isLaterEvent uses.
const LATER = `(excluded.last_ts IS NOT NULL AND (r.last_ts IS NULL OR excluded.last_ts > r.last_ts
  OR (excluded.last_ts = r.last_ts AND excluded.last_id > r.last_id)))`;

// All the cells of a batch in one statement. The arithmetic is in SQL, on the
// row PostgreSQL has locked, so concurrent replicas add up exactly. Rows are
// upserted in the order sent, which is sorted by key (in JS: cheaper than a
// collated sort in SQL), so concurrent batches lock them in the same order.
const UPSERT_CELLS = `
INSERT INTO rollups AS r (mkey, gran, customer_id, grp_key, grp_value, bucket, n, sum, mn, mx, last_ts, last_id, last_v)
SELECT m.mkey, d.gran, d.customer_id, d.grp_key, d.grp_value, d.bucket, d.n, d.sum, d.mn, d.mx, d.last_ts, d.last_id, d.last_v
FROM unnest($2::text[], $3::int2[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::int8[],
            $9::numeric[], $10::numeric[], $11::numeric[], $12::int8[], $13::text[], $14::text[])
  WITH ORDINALITY AS d(meter_id, gran, customer_id, grp_key, grp_value, bucket, n, sum, mn, mx, last_ts, last_id, last_v, ord)
JOIN meters m ON m.mode = $1 AND m.id = d.meter_id
ORDER BY d.ord
ON CONFLICT (mkey, gran, customer_id, grp_key, grp_value, bucket) DO UPDATE SET
  n = r.n + excluded.n,
  sum = CASE WHEN r.sum IS NULL THEN excluded.sum WHEN excluded.sum IS NULL THEN r.sum ELSE r.sum + excluded.sum END,
  mn = LEAST(r.mn, excluded.mn),
  mx = GREATEST(r.mx, excluded.mx),
  last_ts = CASE WHEN ${LATER} THEN excluded.last_ts ELSE r.last_ts END,
  last_id = CASE WHEN ${LATER} THEN excluded.last_id ELSE r.last_id END,
  last_v = CASE WHEN ${LATER} THEN excluded.last_v ELSE r.last_v END`;

const INSERT_UNIQUES = `
INSERT INTO rollup_uniques (mkey, gran, customer_id, grp_key, grp_value, bucket, value)
SELECT m.mkey, d.gran, d.customer_id, d.grp_key, d.grp_value, d.bucket, d.value
FROM unnest($2::text[], $3::int2[], $4::text[], $5::text[], $6::text[], $7::int8[], $8::text[])
  WITH ORDINALITY AS d(meter_id, gran, customer_id, grp_key, grp_value, bucket, value, ord)
JOIN meters m ON m.mode = $1 AND m.id = d.meter_id
ORDER BY d.ord
ON CONFLICT DO NOTHING`;

// Each aggregation stores only the columns it reads; the rest stay NULL.
function columns(type: AggregationType, c: RollupCell): unknown[] {
  switch (type) {
    case 'sum':
    case 'avg':
      return [c.sum, null, null, null, null, null];
    case 'min':
      return [null, c.min, null, null, null, null];
    case 'max':
      return [null, null, c.max, null, null, null];
    case 'last':
      return [null, null, null, c.last_ts, c.last_event_id, c.last_value];
    default:
      return [null, null, null, null, null, null];
  }
}

const keyOf = (meterId: string, k: BucketKey) =>
  [meterId, k.gran, k.bucket, k.customerId, k.group?.key ?? '', k.group?.value ?? ''].join('\u0000');

// Any fixed total order will do for locking: compare the key columns.
const byKey = (width: number) => (a: unknown[], b: unknown[]): number => {
  for (let i = 0; i < width; i++) {
    if (a[i] !== b[i]) return (a[i] as string | number) < (b[i] as string | number) ? -1 : 1;
  }
  return 0;
};

/** Column arrays, one entry per row: the shape unnest() takes. */
function toColumns(rows: unknown[][], width: number, keyWidth: number): unknown[][] {
  rows.sort(byKey(keyWidth));
  const cols: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  rows.forEach((row, i) => row.forEach((v, c) => (cols[c]![i] = v)));
  return cols;
}

/** Writes rollup deltas inside the caller's transaction. */
export async function applyDeltas(tx: PgQueryable, mode: number, all: readonly MeterDeltas[]): Promise<void> {
  // One upsert may touch a row once only: merge any cells that share a key.
  const cells = new Map<string, { d: MeterDeltas; key: BucketKey; cell: RollupCell }>();
  const uniques: unknown[][] = [];
  for (const d of all) {
    for (const c of d.cells) {
      const k = keyOf(d.meterId, c);
      const had = cells.get(k);
      cells.set(k, { d, key: c, cell: had ? mergeCells(had.cell, c.cell) : c.cell });
    }
    for (const u of d.uniques) {
      uniques.push([d.meterId, GRAN_CODE[u.gran], u.customerId, u.group?.key ?? '', u.group?.value ?? '', u.bucket, u.value]);
    }
  }
  if (cells.size > 0) {
    const rows = [...cells.values()].map(({ d, key, cell }) => [
      d.meterId, GRAN_CODE[key.gran], key.customerId, key.group?.key ?? '', key.group?.value ?? '', key.bucket, cell.count,
      ...columns(d.type, cell),
    ]);
    await tx.query(UPSERT_CELLS, [mode, ...toColumns(rows, 13, 6)]);
  }
  if (uniques.length > 0) await tx.query(INSERT_UNIQUES, [mode, ...toColumns(uniques, 7, 7)]);
}
