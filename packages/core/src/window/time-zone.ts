// Everything Tally knows about time zones comes from Intl.DateTimeFormat (no
// tz database of our own). Formatters are slow to build, so one is cached per
// zone; `format` is ~3x faster than `formatToParts`, so we parse its text.

interface Zone {
  /** Null for UTC, where the offset is always 0 and Intl is skipped. */
  fmt: Intl.DateTimeFormat | null;
}

const zones = new Map<string, Zone | false>();
const PATTERN = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;
// Far enough to bound runaway caches fed by user input (each entry is small).
const MAX_CACHED_ZONES = 1000;

function lookup(timeZone: string): Zone | false {
  let zone = zones.get(timeZone);
  if (zone !== undefined) return zone;
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zone = { fmt: fmt.resolvedOptions().timeZone === 'UTC' ? null : fmt };
  } catch {
    zone = false;
  }
  if (zones.size >= MAX_CACHED_ZONES) zones.clear();
  zones.set(timeZone, zone);
  return zone;
}

/**
 * True for a time zone name Intl knows, such as "Europe/London" or "UTC".
 * Intl matches names case-insensitively and knows old aliases (Asia/Calcutta).
 */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === 'string' && timeZone.length > 0 && lookup(timeZone) !== false;
}

function zoneOf(timeZone: string): Zone {
  const zone = lookup(timeZone);
  if (zone === false) throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  return zone;
}

function wallFromParts(fmt: Intl.DateTimeFormat, seconds: number): number {
  const get: Record<string, number> = {};
  for (const p of fmt.formatToParts(seconds)) get[p.type] = Number(p.value);
  return utcOf(get.year!, get.month!, get.day!, get.hour!, get.minute!, get.second!);
}

// Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
function utcOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour % 24, minute, second);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.setUTCHours(hour % 24, minute, second, 0);
}

/**
 * The zone's UTC offset at instant `ts`, in milliseconds (local = UTC + offset).
 * Throws RangeError for an unknown zone. Valid for years 1 to 9999.
 */
export function zoneOffset(ts: number, timeZone: string): number {
  const { fmt } = zoneOf(timeZone);
  if (fmt === null) return 0;
  // Intl prints whole seconds: compare against ts truncated to its second.
  const seconds = ts - (((ts % 1000) + 1000) % 1000);
  const m = PATTERN.exec(fmt.format(seconds));
  const wall = m ? utcOf(+m[3]!, +m[1]!, +m[2]!, +m[4]!, +m[5]!, +m[6]!) : wallFromParts(fmt, seconds);
  return wall - seconds;
}

/** Local wall-clock time at `ts`, as epoch ms of the same clock reading in UTC. */
export function wallTime(ts: number, timeZone: string): number {
  return ts + zoneOffset(ts, timeZone);
}
