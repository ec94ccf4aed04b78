import { offsetSpans } from './offset-change.js';
import { isValidTimeZone } from './time-zone.js';
import { HOUR_MS, MINUTE_MS, floorMod, windowBounds } from './window-bounds.js';
import { checkInstant, type TimeRange, type WindowSize } from './window-size.js';

export interface WindowsOptions {
  /** Throw RangeError rather than build more windows than this; default 100 000. */
  maxWindows?: number;
}

export const DEFAULT_MAX_WINDOWS = 100_000;

function tooMany(max: number): RangeError {
  return new RangeError(`the range holds more than ${max} windows; use a larger window size or a shorter range`);
}

/**
 * The windows of `size` that cover [start, end), in order, aligned in the IANA
 * `timeZone` (see windowBounds for what aligned means across DST).
 *
 * The first and last windows are CLIPPED to the requested range: asking for
 * days from 10:00 to 10:00 the next day gives [10:00, 24:00) and [00:00, 10:00),
 * not two whole days. That way the windows partition exactly the range asked
 * for, and per-window usage sums to the usage of the range, which is what a
 * billing user checks. A window's own length is therefore only the aligned
 * length in its interior. `none` is the single window [start, end).
 *
 * An empty or inverted range gives no windows. Throws RangeError for an
 * unknown zone, instants outside 1000-9999, or more than `maxWindows` windows.
 */
export function windowsFor(
  start: number,
  end: number,
  size: WindowSize,
  timeZone: string,
  options: WindowsOptions = {},
): TimeRange[] {
  checkInstant(start, 'start');
  checkInstant(end, 'end');
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  const max = options.maxWindows ?? DEFAULT_MAX_WINDOWS;
  if (start >= end) return [];
  if (size === 'none') return [{ start, end }];
  if (size === 'minute' || size === 'hour') {
    const unit = size === 'minute' ? MINUTE_MS : HOUR_MS;
    if ((end - start) / unit > max + 1) throw tooMany(max);
    return clockWindows(start, end, unit, timeZone, max);
  }
  const windows: TimeRange[] = [];
  for (let cur = start; cur < end; ) {
    const next = windowBounds(cur, size, timeZone).end;
    if (windows.length === max) throw tooMany(max);
    windows.push({ start: cur, end: Math.min(next, end) });
    cur = next;
  }
  return windows;
}

// Within a span of constant UTC offset, clock windows are plain arithmetic;
// the zone is consulted only to find the spans.
function clockWindows(start: number, end: number, unit: number, timeZone: string, max: number): TimeRange[] {
  const windows: TimeRange[] = [];
  for (const span of offsetSpans(start, end, timeZone)) {
    let boundary = span.start - floorMod(span.start + span.offset, unit) + unit;
    for (let cur = span.start; cur < span.end; boundary += unit) {
      const next = Math.min(boundary, span.end);
      if (windows.length === max) throw tooMany(max);
      windows.push({ start: cur, end: next });
      cur = next;
    }
  }
  return windows;
}
