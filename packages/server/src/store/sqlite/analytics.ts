import { mergeInto, type Histogram } from '@tally/core';
import type { AnalyticsStore, ApiCallDelta, ApiCallQuery, ApiCallRow } from '../analytics-types.js';
import { modeCode } from '../mode-code.js';
import type { SqliteDatabase, SqliteStatement } from './driver.js';
import { GRAN_CODE } from './gran-code.js';
import { guard } from './guard.js';

const UPSERT = `INSERT INTO api_call_rollups
  (mode, event_name, gran, bucket, endpoint, method, status_code, customer_id, n, timed, rt_sum, req_bytes, res_bytes, hist)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET n = n + excluded.n, timed = timed + excluded.timed, rt_sum = rt_sum + excluded.rt_sum,
    req_bytes = req_bytes + excluded.req_bytes, res_bytes = res_bytes + excluded.res_bytes,
    hist = hist_merge(hist, excluded.hist)`;

const GROUP_SQL: Record<string, string> = {
  none: 'NULL',
  endpoint: 'endpoint',
  customer_id: 'customer_id',
  method: 'method',
  status_code: 'CAST(status_code AS TEXT)',
};

interface SqlRow {
  bucket: number; status_code: number; grp: string | null; n: number; timed: number; rt_sum: number;
  req_bytes: number; res_bytes: number; hists: string;
}

/** Merges histogram JSON in SQL upserts, so concurrent writers never lose bins. */
function registerHistogramFunctions(db: SqliteDatabase): void {
  db.function('hist_merge', { deterministic: true }, (a: string, b: string) =>
    JSON.stringify(mergeInto(JSON.parse(a) as Histogram, JSON.parse(b) as Histogram)),
  );
}

/** API-call rollups: written in the event insert transaction, read per bucket range. */
export function sqliteAnalytics(db: SqliteDatabase) {
  registerHistogramFunctions(db);
  const upsert = db.prepare(UPSERT);
  const reads = new Map<string, SqliteStatement>();
  const read = (group: string) => {
    let s = reads.get(group);
    if (!s) {
      const g = GROUP_SQL[group]!;
      s = db.prepare(`SELECT bucket, status_code, ${g} AS grp, sum(n) AS n, sum(timed) AS timed, sum(rt_sum) AS rt_sum,
          sum(req_bytes) AS req_bytes, sum(res_bytes) AS res_bytes, json_group_array(json(hist)) AS hists
        FROM api_call_rollups WHERE mode = ? AND event_name = ? AND gran = ? AND bucket >= ? AND bucket < ?
        GROUP BY bucket, status_code, grp`);
      reads.set(group, s);
    }
    return s;
  };

  /** Applies deltas; the caller holds the write transaction. */
  const apply = (mode: number, deltas: readonly ApiCallDelta[]): void => {
    for (const d of deltas) {
      upsert.run(mode, d.eventName, GRAN_CODE[d.gran], d.bucket, d.endpoint, d.method, d.statusCode, d.customerId,
        d.count, d.timed, d.responseTimeSum, d.requestBytes, d.responseBytes, JSON.stringify(d.latency));
    }
  };

  const store: AnalyticsStore = {
    async apiCalls(q: ApiCallQuery): Promise<ApiCallRow[]> {
      return guard(() =>
        (read(q.groupBy ?? 'none').all(modeCode(q.mode), q.eventName, GRAN_CODE[q.gran], q.start, q.end) as SqlRow[]).map((r) => ({
          bucket: r.bucket,
          statusCode: r.status_code,
          group: r.grp,
          count: r.n,
          timed: r.timed,
          responseTimeSum: r.rt_sum,
          requestBytes: r.req_bytes,
          responseBytes: r.res_bytes,
          latency: (JSON.parse(r.hists) as Histogram[]).reduce((acc, h) => mergeInto(acc, h), {}),
        })),
      );
    },
  };
  return { apply, store };
}

export type SqliteAnalytics = ReturnType<typeof sqliteAnalytics>;
