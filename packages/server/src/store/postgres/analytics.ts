import { mergeInto, type Histogram } from '@tally/core';
import type { AnalyticsStore, ApiCallDelta, ApiCallQuery, ApiCallRow } from '../analytics-types.js';
import { modeCode } from '../mode-code.js';
import type { PgPool, PgQueryable } from './driver.js';
import { GRAN_CODE } from './gran-code.js';
import { guard } from './guard.js';

// All the cells of a batch in one statement, in key order so concurrent
// batches lock rows in the same order. Counts add and histograms merge on the
// locked row (tally_hist_merge), so replicas never lose an update.
const UPSERT = `
INSERT INTO api_call_rollups AS r (mode, event_name, gran, bucket, endpoint, method, status_code, customer_id, n, timed, rt_sum, req_bytes, res_bytes, hist)
SELECT $1, d.event_name, d.gran, d.bucket, d.endpoint, d.method, d.status_code, d.customer_id, d.n, d.timed, d.rt_sum, d.req_bytes, d.res_bytes, d.hist::jsonb
FROM unnest($2::text[], $3::int2[], $4::int8[], $5::text[], $6::text[], $7::int2[], $8::text[], $9::int8[], $10::int8[], $11::float8[], $12::int8[], $13::int8[], $14::text[])
  AS d(event_name, gran, bucket, endpoint, method, status_code, customer_id, n, timed, rt_sum, req_bytes, res_bytes, hist)
ORDER BY 2, 3, 4, 5, 6, 7, 8
ON CONFLICT (mode, event_name, gran, bucket, endpoint, method, status_code, customer_id) DO UPDATE SET
  n = r.n + excluded.n, timed = r.timed + excluded.timed, rt_sum = r.rt_sum + excluded.rt_sum,
  req_bytes = r.req_bytes + excluded.req_bytes, res_bytes = r.res_bytes + excluded.res_bytes,
  hist = tally_hist_merge(r.hist, excluded.hist)`;

const GROUP_SQL: Record<string, string> = {
  none: 'NULL::text',
  endpoint: 'endpoint',
  customer_id: 'customer_id',
  method: 'method',
  status_code: 'status_code::text',
};

interface Row {
  bucket: number; status_code: number; grp: string | null; n: number; timed: number; rt_sum: number;
  req_bytes: number; res_bytes: number; hist: Histogram;
}

/** Applies API-call deltas inside the event insert transaction. */
export async function applyApiCallDeltas(tx: PgQueryable, mode: number, deltas: readonly ApiCallDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const col = <T>(f: (d: ApiCallDelta) => T) => deltas.map(f);
  await tx.query(UPSERT, [
    mode, col((d) => d.eventName), col((d) => GRAN_CODE[d.gran]), col((d) => d.bucket), col((d) => d.endpoint), col((d) => d.method),
    col((d) => d.statusCode), col((d) => d.customerId), col((d) => d.count), col((d) => d.timed), col((d) => d.responseTimeSum),
    col((d) => d.requestBytes), col((d) => d.responseBytes), col((d) => JSON.stringify(d.latency)),
  ]);
}

export function postgresAnalytics(pool: PgPool): AnalyticsStore {
  return {
    async apiCalls(q: ApiCallQuery): Promise<ApiCallRow[]> {
      const g = GROUP_SQL[q.groupBy ?? 'none']!;
      const rows = await guard(() => pool.query<Row>(
        `SELECT bucket, status_code, ${g} AS grp, sum(n)::int8 AS n, sum(timed)::int8 AS timed, sum(rt_sum) AS rt_sum,
           sum(req_bytes)::int8 AS req_bytes, sum(res_bytes)::int8 AS res_bytes, tally_hist_sum(hist) AS hist
         FROM api_call_rollups WHERE mode = $1 AND event_name = $2 AND gran = $3 AND bucket >= $4 AND bucket < $5
         GROUP BY 1, 2, 3`,
        [modeCode(q.mode), q.eventName, GRAN_CODE[q.gran], q.start, q.end],
      ));
      return rows.map((r) => ({
        bucket: Number(r.bucket), statusCode: Number(r.status_code), group: r.grp, count: Number(r.n), timed: Number(r.timed),
        responseTimeSum: Number(r.rt_sum), requestBytes: Number(r.req_bytes), responseBytes: Number(r.res_bytes),
        latency: mergeInto({}, typeof r.hist === 'string' ? (JSON.parse(r.hist) as Histogram) : r.hist),
      }));
    },
  };
}
