import { windowsFor } from '@tally/core';
import type { UsageItem } from '../../api/meter-types';

export type WindowSize = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'none';

export const WINDOW_SIZES: [WindowSize, string][] = [
  ['minute', 'per minute'], ['hour', 'per hour'], ['day', 'per day'], ['week', 'per week'], ['month', 'per month'],
];

export const RANGES: [string, string][] = [
  ['1h', 'last hour'], ['24h', 'last 24 hours'], ['7d', 'last 7 days'], ['30d', 'last 30 days'], ['90d', 'last 90 days'],
];

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000 };

/** [start, end) of a preset like "7d" ending now, as RFC 3339. */
export function rangeBounds(preset: string, now = Date.now()): { start: string; end: string } {
  const m = /^(\d+)([hd])$/.exec(preset);
  const span = m ? Number(m[1]) * UNIT_MS[m[2]!]! : UNIT_MS.d!;
  // End at the next minute so events of this very minute are included.
  const end = Math.ceil((now + 1) / 60_000) * 60_000;
  return { start: new Date(end - span).toISOString(), end: new Date(end).toISOString() };
}

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Aggregations whose values over customers or windows add up. */
export const isAdditive = (type: string): boolean => type === 'count' || type === 'sum';

export interface WindowTotal {
  start: string;
  end: string;
  value: number;
}

/** One value per window across customers: the sum (count/sum) or the max otherwise. */
export function totalsByWindow(items: UsageItem[], additive: boolean): WindowTotal[] {
  const by = new Map<string, WindowTotal>();
  for (const it of items) {
    const v = Number(it.value);
    const cur = by.get(it.window_start);
    if (!cur) by.set(it.window_start, { start: it.window_start, end: it.window_end, value: v });
    else cur.value = additive ? cur.value + v : Math.max(cur.value, v);
  }
  return [...by.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * Every window of the range, with 0 where the server sent none, so the chart
 * shows gaps as zero rather than a line drawn across them. Windows come from
 * core's windowsFor, the server's own rule (aligned in the zone, clipped to
 * the range). Too many windows to draw: the windows with usage only.
 */
export function fillWindows(totals: WindowTotal[], start: string, end: string, size: WindowSize, timeZone: string): WindowTotal[] {
  let all: { start: number; end: number }[];
  try {
    all = windowsFor(Date.parse(start), Date.parse(end), size, timeZone, { maxWindows: 3000 });
  } catch {
    return totals;
  }
  const byStart = new Map(totals.map((t) => [Date.parse(t.start), t]));
  return all.map((w) => byStart.get(w.start) ?? { start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), value: 0 });
}
