/**
 * The slice of better-sqlite3 this adapter uses, declared here so the rest
 * of the adapter does not depend on the driver's own types.
 */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as arrays of column values instead of objects (cheaper for big reads). */
  raw(toggle?: boolean): SqliteStatement;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  function(name: string, options: { deterministic?: boolean }, fn: (...args: never[]) => unknown): void;
  close(): void;
  readonly open: boolean;
}
