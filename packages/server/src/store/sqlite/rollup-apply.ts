import type { AggregationType } from '@tally/core';
import { cellColumns } from '../rollup-columns.js';
import type { MeterDeltas } from '../meter-types.js';
import type { SqliteDatabase, SqliteStatement } from './driver.js';
import { GRAN_CODE } from './gran-code.js';
import type { RollupKeys } from './rollup-keys.js';
import type { StoredUniques } from './stored-uniques.js';

const INSERT = `INSERT INTO rollups (mkey, gran, ckey, gkey, bucket, n, sum, mn, mx, last_ts, last_id, last_v)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`;

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
  const upserts = new Map<AggregationType, SqliteStatement>();
  const upsert = (type: AggregationType) => {
    let s = upserts.get(type);
    if (!s) upserts.set(type, (s = db.prepare(INSERT + MERGE[type])));
    return s;
  };
  const addUnique = db.prepare(
    'INSERT INTO rollup_uniques (mkey, gran, ckey, gkey, bucket, value) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );

  return (mode: number, all: readonly MeterDeltas[]): void => {
    keys.begin();
    for (const d of all) {
      const mkey = keys.meter(mode, d.meterId);
      if (mkey === undefined) throw new Error(`rollup deltas for unknown meter ${d.meterId}`);
      const stmt = upsert(d.type);
      for (const c of d.cells) {
        stmt.run(mkey, GRAN_CODE[c.gran], keys.customer(mode, c.customerId), keys.group(mkey, c.group), c.bucket,
          c.cell.count, ...cellColumns(d.type, c.cell));
      }
      for (const u of d.uniques) {
        const row = [mkey, GRAN_CODE[u.gran], keys.customer(mode, u.customerId), keys.group(mkey, u.group), u.bucket, u.value] as const;
        const known = stored && row.join('\u0000');
        if (known !== undefined && stored!.has(known)) continue;
        addUnique.run(...row);
        if (known !== undefined) stored!.add(known);
      }
    }
  };
}

export type RollupApplier = ReturnType<typeof rollupApplier>;
