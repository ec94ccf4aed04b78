import { localToUtc } from '../window/local-time.js';
import { isValidTimeZone, wallTime } from '../window/time-zone.js';
import { checkInstant } from '../window/window-size.js';

export type BillingUnit = 'day' | 'week' | 'month' | 'year';

export interface BillingInterval {
  unit: BillingUnit;
  /** Units per period, a positive integer: {unit: 'month', count: 3} is quarterly. */
  count: number;
}

/** One billing period [start, end) in epoch ms; index 0 is the one starting at the anchor. */
export interface BillingPeriod {
  index: number;
  start: number;
  end: number;
}

const DAY = 86_400_000;
export const MAX_INTERVAL_COUNT = 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * Start of period k, counted from the anchor each time (never from the
 * previous period), so an anchor on the 31st lands on the last day of shorter
 * months and returns to the 31st after. Day and week periods add calendar
 * days, keeping the anchor's local time of day across DST changes.
 */
function periodStart(anchorMs: number, anchorWall: Date, interval: BillingInterval, k: number, timeZone: string): number {
  if (k === 0) return anchorMs;
  const w = anchorWall;
  let wall: number;
  if (interval.unit === 'day' || interval.unit === 'week') {
    const days = k * interval.count * (interval.unit === 'week' ? 7 : 1);
    wall = Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate() + days);
  } else {
    const months = w.getUTCMonth() + k * interval.count * (interval.unit === 'year' ? 12 : 1);
    const year = w.getUTCFullYear() + Math.floor(months / 12);
    const month = ((months % 12) + 12) % 12;
    wall = Date.UTC(year, month, Math.min(w.getUTCDate(), daysInMonth(year, month)));
  }
  return localToUtc(wall + (((w.getTime() % DAY) + DAY) % DAY), timeZone);
}

/**
 * The billing periods that overlap [fromMs, toMs), in order. Periods are
 * whole (not clipped to the range) and start at the anchor: there is no
 * period before it. Dates follow the local calendar of `timeZone`.
 * Throws RangeError for a bad interval, zone or instant, or more than
 * `maxPeriods` periods (default 10 000).
 */
export function billingPeriods(
  anchorMs: number,
  interval: BillingInterval,
  fromMs: number,
  toMs: number,
  timeZone = 'UTC',
  maxPeriods = 10_000,
): BillingPeriod[] {
  checkInstant(anchorMs, 'anchor');
  checkInstant(fromMs, 'from');
  checkInstant(toMs, 'to');
  if (!['day', 'week', 'month', 'year'].includes(interval.unit)) {
    throw new RangeError(`unknown billing interval unit: ${JSON.stringify(interval.unit)}`);
  }
  if (!Number.isSafeInteger(interval.count) || interval.count < 1 || interval.count > MAX_INTERVAL_COUNT) {
    throw new RangeError(`interval count must be an integer from 1 to ${MAX_INTERVAL_COUNT}`);
  }
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  const periods: BillingPeriod[] = [];
  if (toMs <= fromMs || toMs <= anchorMs) return periods;

  const anchorWall = new Date(wallTime(anchorMs, timeZone));
  const start = (k: number) => periodStart(anchorMs, anchorWall, interval, k, timeZone);
  // Estimate the period holding fromMs, then step to it exactly.
  let k = 0;
  if (fromMs > anchorMs) {
    if (interval.unit === 'day' || interval.unit === 'week') {
      k = Math.floor((fromMs - anchorMs) / (interval.count * (interval.unit === 'week' ? 7 : 1) * DAY));
    } else {
      const from = new Date(wallTime(fromMs, timeZone));
      const months = (from.getUTCFullYear() - anchorWall.getUTCFullYear()) * 12 + from.getUTCMonth() - anchorWall.getUTCMonth();
      k = Math.floor(months / (interval.count * (interval.unit === 'year' ? 12 : 1)));
    }
    k = Math.max(0, k);
    while (k > 0 && start(k) > fromMs) k--;
    while (start(k + 1) <= fromMs) k++;
  }
  for (let s = start(k); s < toMs; k++) {
    const e = start(k + 1);
    if (periods.length === maxPeriods) throw new RangeError(`the range holds more than ${maxPeriods} billing periods`);
    periods.push({ index: k, start: s, end: e });
    s = e;
  }
  return periods;
}
