import { localToUtc } from './local-time.js';
import { nextOffsetChange } from './offset-change.js';
import { wallTime, zoneOffset } from './time-zone.js';
import { checkInstant, type AlignedWindowSize, type TimeRange } from './window-size.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** x mod m, always in [0, m). */
export function floorMod(x: number, m: number): number {
  return ((x % m) + m) % m;
}

/**
 * Minutes and hours follow the clock on the wall but never run longer than
 * their length: a window also ends where the UTC offset changes. So the hour
 * New York repeats in November is two windows, 01:00 EDT and 01:00 EST, and
 * Lord Howe's 30-minute shift leaves one 30-minute window.
 */
function clockBounds(ts: number, unit: number, timeZone: string): TimeRange {
  const offset = zoneOffset(ts, timeZone);
  const aligned = ts - floorMod(ts + offset, unit);
  const start = zoneOffset(aligned, timeZone) === offset ? aligned : nextOffsetChange(aligned, ts, timeZone);
  const nominalEnd = aligned + unit;
  const end = zoneOffset(nominalEnd - 1, timeZone) === offset ? nominalEnd : nextOffsetChange(ts, nominalEnd - 1, timeZone);
  return { start, end };
}

/**
 * Days, weeks (Monday to Monday) and months follow the local calendar: each
 * starts at the first instant of its local date, so a day across a DST change
 * lasts 23 or 25 hours, and a month is as long as that month.
 */
function calendarBounds(ts: number, size: 'day' | 'week' | 'month', timeZone: string): TimeRange {
  const local = new Date(wallTime(ts, timeZone));
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  let d = local.getUTCDate();
  let from: number;
  let to: number;
  if (size === 'month') {
    from = Date.UTC(y, m, 1);
    to = Date.UTC(y, m + 1, 1);
  } else {
    if (size === 'week') d -= (local.getUTCDay() + 6) % 7; // back to Monday
    const days = size === 'week' ? 7 : 1;
    from = Date.UTC(y, m, d);
    to = Date.UTC(y, m, d + days);
  }
  return { start: localToUtc(from, timeZone), end: localToUtc(to, timeZone) };
}

/**
 * The whole aligned window of `size` that contains instant `ts` in the IANA
 * `timeZone`, unclipped. Throws RangeError for an unknown zone or an instant
 * outside 1000-9999.
 */
export function windowBounds(ts: number, size: AlignedWindowSize, timeZone: string): TimeRange {
  checkInstant(ts, 'timestamp');
  switch (size) {
    case 'minute':
      return clockBounds(ts, MINUTE_MS, timeZone);
    case 'hour':
      return clockBounds(ts, HOUR_MS, timeZone);
    case 'day':
    case 'week':
    case 'month':
      return calendarBounds(ts, size, timeZone);
    default:
      throw new RangeError(`not an aligned window size: ${JSON.stringify(size)}`);
  }
}

/** Start of the aligned window of `size` that contains `ts`, in `timeZone`. */
export function windowStart(ts: number, size: AlignedWindowSize, timeZone: string): number {
  return windowBounds(ts, size, timeZone).start;
}
