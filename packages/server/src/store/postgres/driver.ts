/**
 * The slice of a PostgreSQL client this adapter uses, declared here so the
 * rest of the adapter does not depend on the driver's own types. connect.ts
 * is the one file that knows postgres.js.
 */
export type PgRow = Record<string, unknown>;

export interface PgQueryable {
  /**
   * Runs one statement with $1, $2 … parameters and returns its rows.
   * BIGINT columns come back as numbers (epoch ms fit in 2^53); NUMERIC as
   * strings, so exact decimals stay exact; json/jsonb parsed.
   */
  query<R extends object = PgRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs SQL text that may hold several statements and no parameters (migrations). */
  script(text: string): Promise<void>;
}

export interface PgPool extends PgQueryable {
  /** Runs fn on one connection inside BEGIN … COMMIT; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: PgQueryable) => Promise<T>): Promise<T>;
  /** Closes every connection, waiting up to timeoutS for running queries. */
  end(timeoutS?: number): Promise<void>;
}
