import type { RollupCell } from '@tally/core';
import { CELL_FIELDS } from '../cell-fields.js';
import type { CellColumns, RollupSeries, SeriesQuery, UniqueColumns } from '../meter-types.js';
import type { RollupStore } from '../meter-store.js';
import { modeCode } from '../mode-code.js';
import { customerKeysCte } from './customer-keys.js';
import type { SqliteDatabase, SqliteStatement } from './driver.js';
import { GRAN_CODE } from './gran-code.js';
import { guard } from './guard.js';

// How each column travels: integers as a JSON array; decimal strings (never a
// comma in them) joined by commas and split, cheaper than JSON.parse for the
// many values of a big read; other text (event IDs, distinct values) as JSON,
// which quotes whatever it holds. NULL travels as null or ''.
type Kind = 'integer' | 'decimal' | 'text';
type Column = [name: string, sqlColumn: string, kind: Kind];

const COLUMN: Record<keyof RollupCell, Column> = {
  count: ['count', 'n', 'integer'],
  sum: ['sum', 'sum', 'decimal'],
  min: ['min', 'mn', 'decimal'],
  max: ['max', 'mx', 'decimal'],
  last_ts: ['last_ts', 'last_ts', 'integer'],
  last_event_id: ['last_event_id', 'last_id', 'text'],
  last_value: ['last_value', 'last_v', 'decimal'],
};
const BUCKET: Column = ['bucket', 'bucket', 'integer'];
const UNIQUE_VALUE: Column = ['value', 'value', 'text'];

function packSql([, col, kind]: Column): string {
  if (kind === 'integer') return `'[' || group_concat(ifnull(r.${col}, 'null')) || ']'`;
  if (kind === 'decimal') return `group_concat(ifnull(r.${col}, ''))`;
  return `json_group_array(r.${col})`;
}

function unpack(kind: Kind, packed: string): unknown[] {
  if (kind !== 'decimal') return JSON.parse(packed) as unknown[];
  const values: Array<string | null> = packed.split(',');
  for (let i = 0; i < values.length; i++) if (values[i] === '') values[i] = null;
  return values;
}

// One row per customer key and group, its buckets packed by SQLite: handing a
// row to JavaScript costs far more than reading it. `ckey IN (…)` rather than
// a join walks the keys in index order, so the GROUP BY needs no sort.
function seriesSql(table: 'rollups' | 'rollup_uniques', grouped: boolean, columns: readonly Column[]): string {
  return `SELECT r.ckey, ${grouped ? '(SELECT value FROM rollup_groups WHERE gkey = r.gkey)' : 'NULL'}, ${columns.map(packSql).join(', ')}
    FROM ${table} r
   WHERE r.mkey = @mkey AND r.gran = @gran AND r.ckey IN (SELECT value FROM json_each(@ckeys))
     AND ${grouped ? 'r.gkey IN (SELECT gkey FROM rollup_groups WHERE mkey = @mkey AND name = @group)' : 'r.gkey = 0'}
     AND r.bucket >= @start AND r.bucket < @end
   GROUP BY r.ckey, r.gkey`;
}

type Packed = [ckey: number, group: string | null, ...columns: string[]];

/** The packed reads of usage queries; `catchUp` folds every committed event first. */
export function sqliteRollupSeries(db: SqliteDatabase, catchUp: () => Promise<void>): Pick<RollupStore, 'cellSeries' | 'uniqueSeries'> {
  const keyStmts = [false, true].map((filtered) => db.prepare(`${customerKeysCte(filtered)} SELECT ckey, cid FROM keys`).raw());
  const meterKey = db.prepare('SELECT mkey, agg_type FROM meters WHERE mode = ? AND id = ?');
  const stmts = new Map<string, SqliteStatement>();

  // One snapshot for the keys and every range, whatever a concurrent fold commits.
  const read = db.transaction((q: SeriesQuery, table: 'rollups' | 'rollup_uniques'): Array<RollupSeries<unknown>> => {
    const mode = modeCode(q.mode);
    const meter = meterKey.get(mode, q.meterId) as { mkey: number; agg_type: keyof typeof CELL_FIELDS } | undefined;
    if (!meter) return [];
    const filtered = q.customerIds !== undefined;
    const keys = keyStmts[filtered ? 1 : 0]!.all(filtered ? { mode, ids: JSON.stringify(q.customerIds) } : { mode }) as Array<[number, string]>;
    // A key may resolve to two customers (one's ID is the other's external_id): its rows count for each.
    const customersOf = new Map<number, string[]>();
    for (const [ckey, cid] of keys) {
      const list = customersOf.get(ckey);
      if (list) list.push(cid);
      else customersOf.set(ckey, [cid]);
    }
    const grouped = q.groupKey !== undefined;
    const columns = [BUCKET, ...(table === 'rollups' ? CELL_FIELDS[meter.agg_type].map((f) => COLUMN[f]) : [UNIQUE_VALUE])];
    const k = `${table}:${grouped}:${columns.map((c) => c[0]).join()}`;
    let stmt = stmts.get(k);
    if (!stmt) stmts.set(k, (stmt = db.prepare(seriesSql(table, grouped, columns)).raw()));
    const p: Record<string, unknown> = { mkey: meter.mkey, ckeys: JSON.stringify([...customersOf.keys()]) };
    if (grouped) p.group = q.groupKey;
    const out: Array<RollupSeries<unknown>> = [];
    for (const range of q.ranges) {
      p.gran = GRAN_CODE[range.gran];
      p.start = range.start;
      p.end = range.end;
      for (const row of stmt.all(p) as Packed[]) {
        const unpacked: Record<string, unknown[]> = {};
        for (let c = 0; c < columns.length; c++) unpacked[columns[c]![0]] = unpack(columns[c]![2], row[c + 2] as string);
        for (const customerId of customersOf.get(row[0])!) out.push({ customerId, group: row[1], columns: unpacked });
      }
    }
    return out;
  });

  return {
    async cellSeries(q) {
      await catchUp();
      return guard(() => read(q, 'rollups') as Array<RollupSeries<CellColumns>>);
    },
    async uniqueSeries(q) {
      await catchUp();
      return guard(() => read(q, 'rollup_uniques') as Array<RollupSeries<UniqueColumns>>);
    },
  };
}
