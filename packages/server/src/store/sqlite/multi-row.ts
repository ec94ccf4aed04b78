import type { SqliteDatabase, SqliteStatement } from './driver.js';

type RunResult = ReturnType<SqliteStatement['run']>;

/** Rows per statement: enough to spread each statement's fixed cost thin, far below SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 100;

/**
 * Multi-row INSERT statements (`head VALUES (?, …), (?, …) tail`), prepared
 * once per row count. Binding and stepping one statement per row costs more
 * than inserting the row itself.
 */
export function multiRowInsert(db: SqliteDatabase, head: string, width: number, tail = '') {
  const tuple = `(${Array(width).fill('?').join(', ')})`;
  const byCount = new Map<number, SqliteStatement>();
  const statement = (rows: number): SqliteStatement => {
    let s = byCount.get(rows);
    if (!s) byCount.set(rows, (s = db.prepare(`${head} VALUES ${Array(rows).fill(tuple).join(', ')} ${tail}`)));
    return s;
  };
  /**
   * Inserts `count` rows, writing row i's values through `fill(params,
   * offset, i)`; `after` sees each statement's result and its rows' range.
   */
  return (count: number, fill: (params: unknown[], offset: number, row: number) => void, after?: (r: RunResult, first: number, rows: number) => void): void => {
    for (let lo = 0; lo < count; lo += ROWS_PER_STATEMENT) {
      const rows = Math.min(ROWS_PER_STATEMENT, count - lo);
      const params = new Array<unknown>(rows * width);
      for (let j = 0; j < rows; j++) fill(params, j * width, lo + j);
      const r = statement(rows).run(params);
      after?.(r, lo, rows);
    }
  };
}
