import type { AggregationType } from '@tally/core';
import { cellColumns } from '../rollup-columns.js';
import type { MeterDeltas } from '../meter-types.js';
import type { SqliteDatabase } from './driver.js';
import { multiRowInsert } from './multi-row.js';
import { GRAN_CODE } from './gran-code.js';
import type { RollupKeys } from './rollup-keys.js';
import type { StoredUniques } from './stored-uniques.js';

const INSERT = 'INSERT INTO rollups (mkey, gran, ckey, gkey, bucket, n, sum, mn, mx, last_ts, last_id, last_v)';
const UPSERT = 'ON CONFLICT DO UPDATE SET n = n + excluded.n';

// `last` wins by (timestamp, event_id); SQLite compares TEXT by code point,
// as core's isLaterEvent does.
const LATER = '(excluded.last_ts > last_ts OR (excluded.last_ts = last_ts AND excluded.last_id > last_id))';

// Each aggregation keeps only the columns it reads, so an upsert does only
// the work its meter needs (the decimal functions are JS calls).
const MERGE: Record<AggregationType, string> = {
  count: '',
  unique_count: '',
  sum: ', sum = dec_add(sum, excluded.sum)',
  avg: ', sum = dec_add(sum, excluded.sum)',
  min: ', mn = dec_min(mn, excluded.mn)',
  max: ', mx = dec_max(mx, excluded.mx)',
  last: `, last_v = CASE WHEN ${LATER} THEN excluded.last_v ELSE last_v END,
           last_id = CASE WHEN ${LATER} THEN excluded.last_id ELSE last_id END,
           last_ts = CASE WHEN ${LATER} THEN excluded.last_ts ELSE last_ts END`,
};


/** Writes rollup deltas; the caller holds the write transaction. */
export function rollupApplier(db: SqliteDatabase, keys: RollupKeys, stored?: StoredUniques) {
  // Multi-row statements: one bind-and-step per hundred rows, not per row
  // (a busy fold writes tens of thousands of unique rows).
  const upserts = new Map<AggregationType, ReturnType<typeof multiRowInsert>>();
  const upsert = (type: AggregationType) => {
    let s = upserts.get(type);
    if (!s) upserts.set(type, (s = multiRowInsert(db, INSERT, 12, UPSERT + MERGE[type])));
    return s;
  };
  const addUniques = multiRowInsert(db, 'INSERT INTO rollup_uniques (mkey, gran, ckey, gkey, bucket, value)', 6, 'ON CONFLICT DO NOTHING');

  return (mode: number, all: readonly MeterDeltas[]): void => {
    keys.begin();
    for (const d of all) {
      const mkey = keys.meter(mode, d.meterId);
      if (mkey === undefined) throw new Error(`rollup deltas for unknown meter ${d.meterId}`);
      const cells = d.cells;
      upsert(d.type)(cells.length, (p, k, i) => {
        const c = cells[i]!;
        const [sum, mn, mx, lastTs, lastId, lastV] = cellColumns(d.type, c.cell);
        p[k] = mkey; p[k + 1] = GRAN_CODE[c.gran]; p[k + 2] = keys.customer(mode, c.customerId); p[k + 3] = keys.group(mkey, c.group);
        p[k + 4] = c.bucket; p[k + 5] = c.cell.count; p[k + 6] = sum; p[k + 7] = mn; p[k + 8] = mx; p[k + 9] = lastTs; p[k + 10] = lastId; p[k + 11] = lastV;
      });
      // Rows as flat columns: the cell's key once, then each value not known stored.
      const rows: unknown[] = [];
      for (const u of d.uniques) {
        const ckey = keys.customer(mode, u.customerId);
        const gkey = keys.group(mkey, u.group);
        const gran = GRAN_CODE[u.gran];
        const cell = `${mkey}\u0000${gran}\u0000${ckey}\u0000${gkey}\u0000${u.bucket}`;
        const known = stored?.of(cell);
        for (const value of u.values) {
          if (known?.has(value)) continue;
          rows.push(mkey, gran, ckey, gkey, u.bucket, value);
          stored?.add(cell, value);
        }
      }
      addUniques(rows.length / 6, (p, k, i) => {
        for (let j = 0; j < 6; j++) p[k + j] = rows[i * 6 + j];
      });
    }
  };
}

export type RollupApplier = ReturnType<typeof rollupApplier>;
