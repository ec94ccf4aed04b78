import { windowsFor, type TimeRange, type WindowSize, windowIndex } from '@tally/core';
import { InvalidInputError } from '../../errors/domain-error.js';
import type { ApiCallDimension } from '../../store/analytics-types.js';
import type { Store } from '../../store/store.js';
import type { Mode } from '../../store/types.js';
import { coverRange, mergeRuns } from '../bucket-cover.js';
import { addRow, emptyAcc, summarize, type StatsAcc } from './api-call-stats.js';

export interface ApiCallAnalyticsQuery {
  eventName: string;
  start: number;
  end: number;
  windowSize: WindowSize;
  timeZone: string;
  groupBy?: ApiCallDimension;
}

export type ApiCallItem = { window_start: number; window_end: number; group: string | null } & ReturnType<typeof summarize>;

const MINUTE = 60_000;


/**
 * API-call figures per window (and group) from the rollups written at ingest:
 * each window is read from the coarsest buckets that tile it, so the cost
 * follows the number of buckets, not of calls. The range is widened to whole
 * minutes, the rollups' finest bucket. Empty windows are left out.
 */
export async function queryApiCalls(store: Store, mode: Mode, q: ApiCallAnalyticsQuery) {
  const start = Math.floor(q.start / MINUTE) * MINUTE;
  const end = Math.ceil(q.end / MINUTE) * MINUTE;
  let windows: TimeRange[];
  try {
    windows = windowsFor(start, end, q.windowSize, q.timeZone);
  } catch (err) {
    if (err instanceof RangeError) throw new InvalidInputError(err.message);
    throw err;
  }
  const runs = mergeRuns(windows.flatMap((w) => coverRange(w.start, w.end)));
  const accs = new Map<string, { w: number; group: string | null; acc: StatsAcc }>();
  for (const run of runs) {
    const rows = await store.analytics.apiCalls({ mode, eventName: q.eventName, gran: run.gran, start: run.start, end: run.end, groupBy: q.groupBy });
    for (const row of rows) {
      const w = windowIndex(windows, row.bucket);
      if (w < 0) continue;
      const key = `${w}\u0000${row.group ?? ''}`;
      let entry = accs.get(key);
      if (!entry) accs.set(key, (entry = { w, group: row.group, acc: emptyAcc() }));
      addRow(entry.acc, row);
    }
  }
  const items: ApiCallItem[] = [...accs.values()]
    .sort((a, b) => a.w - b.w || b.acc.count - a.acc.count || String(a.group).localeCompare(String(b.group)))
    .map((e) => ({ window_start: windows[e.w]!.start, window_end: windows[e.w]!.end, group: e.group, ...summarize(e.acc) }));
  return { start, end, items };
}
