import type { PgPool, PgQueryable } from './driver.js';

// `last` keeps the later event: greater timestamp, then greater event_id by
// code point (COLLATE "C"), the order core's isLaterEvent uses.
const LATER = `(excluded.last_ts IS NOT NULL AND (r.last_ts IS NULL OR excluded.last_ts > r.last_ts
  OR (excluded.last_ts = r.last_ts AND excluded.last_id > r.last_id)))`;
const NEWEST = 'ORDER BY last_ts DESC NULLS LAST, last_id COLLATE "C" DESC NULLS LAST';

// Claims every committed pending delta (DELETE … RETURNING, so each is folded
// exactly once), merges them per rollup row, and upserts the result with the
// arithmetic in SQL on the locked row: NUMERIC sums stay exact.
const FOLD_CELLS = `
WITH claimed AS (
  DELETE FROM rollup_pending RETURNING *
), merged AS (
  SELECT mkey, gran, customer_id, grp_key, grp_value, bucket, sum(n) AS n, sum(sum) AS sum, min(mn) AS mn, max(mx) AS mx,
    (array_agg(last_ts ${NEWEST}))[1] AS last_ts, (array_agg(last_id ${NEWEST}))[1] AS last_id, (array_agg(last_v ${NEWEST}))[1] AS last_v
  FROM claimed GROUP BY 1, 2, 3, 4, 5, 6
)
INSERT INTO rollups AS r (mkey, gran, customer_id, grp_key, grp_value, bucket, n, sum, mn, mx, last_ts, last_id, last_v)
SELECT * FROM merged
ON CONFLICT (mkey, gran, customer_id, grp_key, grp_value, bucket) DO UPDATE SET
  n = r.n + excluded.n,
  sum = CASE WHEN r.sum IS NULL THEN excluded.sum WHEN excluded.sum IS NULL THEN r.sum ELSE r.sum + excluded.sum END,
  mn = LEAST(r.mn, excluded.mn),
  mx = GREATEST(r.mx, excluded.mx),
  last_ts = CASE WHEN ${LATER} THEN excluded.last_ts ELSE r.last_ts END,
  last_id = CASE WHEN ${LATER} THEN excluded.last_id ELSE r.last_id END,
  last_v = CASE WHEN ${LATER} THEN excluded.last_v ELSE r.last_v END`;

const FOLD_UNIQUES = `
WITH claimed AS (DELETE FROM rollup_uniques_pending RETURNING *)
INSERT INTO rollup_uniques (mkey, gran, customer_id, grp_key, grp_value, bucket, value)
SELECT DISTINCT mkey, gran, customer_id, grp_key, grp_value, bucket, value FROM claimed
ON CONFLICT DO NOTHING`;

/** One folder at a time per schema: folds never contend on rollup rows, and a reader waits for one in flight. */
export const FOLD_LOCK = "hashtext('tally.fold.' || current_schema())";

/** Folds pending deltas inside the caller's transaction, which must hold FOLD_LOCK. */
export async function foldPending(tx: PgQueryable): Promise<void> {
  await tx.query(FOLD_CELLS);
  await tx.query(FOLD_UNIQUES);
}

/**
 * Folds what is pending. Readers wait for the lock, so what they read
 * includes every committed event; the background folder only tries it.
 */
export async function fold(pool: PgPool, wait: boolean): Promise<void> {
  await pool.transaction(async (tx) => {
    if (wait) await tx.query(`SELECT pg_advisory_xact_lock(${FOLD_LOCK})`);
    else if (!(await tx.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS ok`))[0]?.ok) return;
    await foldPending(tx);
  });
}
