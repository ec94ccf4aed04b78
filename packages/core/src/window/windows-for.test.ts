import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowBounds, windowStart } from './window-bounds.js';
import type { AlignedWindowSize, TimeRange, WindowSize } from './window-size.js';
import { windowsFor } from './windows-for.js';

const H = 3_600_000;
const iso = (s: string) => Date.parse(s);
const show = (ws: TimeRange[]) => ws.map((w) => `${new Date(w.start).toISOString()} ${(w.end - w.start) / H}h`);

describe('windowsFor: examples', () => {
  it('cuts UTC days, clipping the ends to the range', () => {
    expect(show(windowsFor(iso('2024-01-01T10:00:00Z'), iso('2024-01-03T06:00:00Z'), 'day', 'UTC'))).toEqual([
      '2024-01-01T10:00:00.000Z 14h',
      '2024-01-02T00:00:00.000Z 24h',
      '2024-01-03T00:00:00.000Z 6h',
    ]);
  });

  it('gives one window for none, and none for an empty range', () => {
    expect(windowsFor(5, 10, 'none', 'Asia/Kathmandu')).toEqual([{ start: 5, end: 10 }]);
    expect(windowsFor(10, 10, 'day', 'UTC')).toEqual([]);
    expect(windowsFor(11, 10, 'none', 'UTC')).toEqual([]);
  });

  it('has 23- and 25-hour days across New York DST changes', () => {
    expect(show(windowsFor(iso('2024-03-09T05:00:00Z'), iso('2024-03-12T04:00:00Z'), 'day', 'America/New_York'))).toEqual([
      '2024-03-09T05:00:00.000Z 24h',
      '2024-03-10T05:00:00.000Z 23h',
      '2024-03-11T04:00:00.000Z 24h',
    ]);
    expect(show(windowsFor(iso('2024-11-03T04:00:00Z'), iso('2024-11-04T05:00:00Z'), 'day', 'America/New_York'))).toEqual([
      '2024-11-03T04:00:00.000Z 25h',
    ]);
  });

  it('splits the repeated New York hour into EDT and EST windows', () => {
    const hours = windowsFor(iso('2024-11-03T04:00:00Z'), iso('2024-11-04T05:00:00Z'), 'hour', 'America/New_York');
    expect(hours).toHaveLength(25);
    expect(hours.every((w) => w.end - w.start === H)).toBe(true);
    expect(show(hours.slice(1, 3))).toEqual(['2024-11-03T05:00:00.000Z 1h', '2024-11-03T06:00:00.000Z 1h']);
    expect(windowsFor(iso('2024-03-10T05:00:00Z'), iso('2024-03-11T04:00:00Z'), 'hour', 'America/New_York')).toHaveLength(23);
  });

  it('handles London and Kathmandu (+05:45)', () => {
    expect(show(windowsFor(iso('2024-03-30T12:00:00Z'), iso('2024-04-01T12:00:00Z'), 'day', 'Europe/London'))).toEqual([
      '2024-03-30T12:00:00.000Z 12h',
      '2024-03-31T00:00:00.000Z 23h',
      '2024-03-31T23:00:00.000Z 13h',
    ]);
    expect(show(windowsFor(iso('2024-01-01T00:00:00Z'), iso('2024-01-01T02:30:00Z'), 'hour', 'Asia/Kathmandu'))).toEqual([
      '2024-01-01T00:00:00.000Z 0.25h',
      '2024-01-01T00:15:00.000Z 1h',
      '2024-01-01T01:15:00.000Z 1h',
      '2024-01-01T02:15:00.000Z 0.25h',
    ]);
    expect(windowStart(iso('2024-01-01T12:00:00Z'), 'day', 'Asia/Kathmandu')).toBe(iso('2023-12-31T18:15:00Z'));
  });

  it('follows Lord Howe’s 30-minute DST shift', () => {
    // 7 Apr 2024: 02:00 (+11) → 01:30 (+10:30); 6 Oct 2024: 02:00 (+10:30) → 02:30 (+11).
    expect(windowBounds(iso('2024-04-07T00:00:00Z'), 'day', 'Australia/Lord_Howe')).toEqual({
      start: iso('2024-04-06T13:00:00Z'),
      end: iso('2024-04-07T13:30:00Z'),
    });
    expect(windowBounds(iso('2024-10-06T00:00:00Z'), 'day', 'Australia/Lord_Howe')).toEqual({
      start: iso('2024-10-05T13:30:00Z'),
      end: iso('2024-10-06T13:00:00Z'),
    });
    expect(show(windowsFor(iso('2024-04-06T14:00:00Z'), iso('2024-04-06T16:30:00Z'), 'hour', 'Australia/Lord_Howe'))).toEqual([
      '2024-04-06T14:00:00.000Z 1h', // 01:00-02:00 +11
      '2024-04-06T15:00:00.000Z 0.5h', // 01:30-02:00 +10:30
      '2024-04-06T15:30:00.000Z 1h',
    ]);
    expect(show(windowsFor(iso('2024-10-05T14:30:00Z'), iso('2024-10-05T17:00:00Z'), 'hour', 'Australia/Lord_Howe'))).toEqual([
      '2024-10-05T14:30:00.000Z 1h', // 01:00-02:00 +10:30
      '2024-10-05T15:30:00.000Z 0.5h', // 02:30-03:00 +11
      '2024-10-05T16:00:00.000Z 1h',
    ]);
  });

  it('copes with a skipped day and a midnight DST change', () => {
    // Samoa skipped 30 Dec 2011: 29 Dec is followed by 31 Dec.
    const apia = windowsFor(iso('2011-12-29T10:00:00Z'), iso('2011-12-31T10:00:00Z'), 'day', 'Pacific/Apia');
    expect(show(apia)).toEqual(['2011-12-29T10:00:00.000Z 24h', '2011-12-30T10:00:00.000Z 24h']);
    // São Paulo, 18 Feb 2018: midnight became 23:00 of the 17th, so the 17th lasted 25 hours.
    expect(windowBounds(iso('2018-02-18T02:30:00Z'), 'day', 'America/Sao_Paulo')).toEqual({
      start: iso('2018-02-17T02:00:00Z'),
      end: iso('2018-02-18T03:00:00Z'),
    });
  });

  it('starts weeks on Monday and months on the 1st, local time', () => {
    expect(windowBounds(iso('2024-01-17T12:00:00Z'), 'week', 'UTC')).toEqual({
      start: iso('2024-01-15T00:00:00Z'),
      end: iso('2024-01-22T00:00:00Z'),
    });
    expect(windowStart(iso('2024-01-15T03:00:00Z'), 'week', 'America/New_York')).toBe(iso('2024-01-08T05:00:00Z'));
    expect(windowBounds(iso('2024-02-10T00:00:00Z'), 'month', 'UTC')).toEqual({
      start: iso('2024-02-01T00:00:00Z'),
      end: iso('2024-03-01T00:00:00Z'),
    });
    const months = windowsFor(iso('2024-01-01T05:00:00Z'), iso('2025-01-01T05:00:00Z'), 'month', 'America/New_York');
    expect(months).toHaveLength(12);
    expect(months.map((w) => Math.round((w.end - w.start) / (24 * H)))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(months[2]!.end - months[2]!.start).toBe(31 * 24 * H - H); // March loses an hour
  });

  it('cuts minutes', () => {
    const ws = windowsFor(iso('2024-01-01T00:00:30Z'), iso('2024-01-01T00:03:00Z'), 'minute', 'Asia/Kathmandu');
    expect(ws.map((w) => (w.end - w.start) / 1000)).toEqual([30, 60, 60]);
  });

  it('rejects bad zones, bad instants and too many windows', () => {
    expect(() => windowsFor(0, 1, 'day', 'Not/AZone')).toThrow(RangeError);
    expect(() => windowsFor(NaN, 1, 'day', 'UTC')).toThrow(RangeError);
    expect(() => windowsFor(0, 8.64e15, 'day', 'UTC')).toThrow(RangeError);
    expect(() => windowsFor(0, 365 * 24 * H, 'minute', 'UTC')).toThrow(/more than 100000 windows/);
    expect(() => windowsFor(0, 10 * 24 * H, 'day', 'UTC', { maxWindows: 5 })).toThrow(RangeError);
    expect(windowsFor(0, 5 * 24 * H, 'day', 'UTC', { maxWindows: 5 })).toHaveLength(5);
    expect(() => windowBounds(0, 'none' as AlignedWindowSize, 'UTC')).toThrow(RangeError);
  });
});

// An independent oracle: what a wall clock in the zone reads, via a fresh formatter.
const oracles = new Map<string, Intl.DateTimeFormat>();
function reading(ts: number, tz: string) {
  let f = oracles.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz, hourCycle: 'h23', timeZoneName: 'longOffset',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    oracles.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(ts).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'timeZoneName', string>;
}
function label(ts: number, size: AlignedWindowSize, tz: string): string {
  const r = reading(ts, tz);
  switch (size) {
    case 'minute': return `${r.year}-${r.month}-${r.day} ${r.hour}:${r.minute} ${r.timeZoneName}`;
    case 'hour': return `${r.year}-${r.month}-${r.day} ${r.hour} ${r.timeZoneName}`;
    case 'day': return `${r.year}-${r.month}-${r.day}`;
    case 'month': return `${r.year}-${r.month}`;
    case 'week': {
      const date = new Date(Date.UTC(+r.year, +r.month - 1, +r.day));
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    }
  }
}

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Chatham'];
const SPAN: Record<WindowSize, number> = { minute: 3 * H, hour: 3 * 24 * H, day: 120 * 24 * H, week: 400 * 24 * H, month: 900 * 24 * H, none: 900 * 24 * H };
// Known offset changes, so that half the cases start within days of one.
const CHANGES: [string, string][] = [
  ['America/New_York', '2024-03-10T07:00:00Z'], ['America/New_York', '2024-11-03T06:00:00Z'],
  ['Europe/London', '2024-03-31T01:00:00Z'], ['Europe/London', '2024-10-27T01:00:00Z'],
  ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'], ['Australia/Lord_Howe', '2024-10-05T15:30:00Z'],
  ['America/Sao_Paulo', '2018-02-18T02:00:00Z'], ['America/Sao_Paulo', '2018-11-04T03:00:00Z'],
  ['Pacific/Chatham', '2024-04-06T14:00:00Z'], ['Asia/Kathmandu', '1985-12-31T18:30:00Z'],
  ['Pacific/Apia', '2011-12-30T10:00:00Z'],
];
const sizes = fc.constantFrom<WindowSize>('minute', 'hour', 'day', 'week', 'month', 'none');
const anywhere = fc.record({
  tz: fc.constantFrom(...ZONES),
  start: fc.integer({ min: iso('1995-01-01T00:00:00Z'), max: iso('2035-01-01T00:00:00Z') }),
});
const nearChange = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * 24 * H, max: 24 * H }))
  .map(([[tz, at], delta]) => ({ tz, start: iso(at) + delta }));
const cases = fc
  .tuple(sizes, fc.oneof(anywhere, nearChange))
  .chain(([size, { tz, start }]) =>
    fc.integer({ min: 1, max: SPAN[size] }).map((length) => ({ size, tz, start, length })),
  );

describe('windowsFor: properties', () => {
  it('partitions [start, end) with no gaps or overlaps, on the zone’s clock and calendar', () => {
    fc.assert(
      fc.property(cases, ({ size, tz, start, length }) => {
        const end = start + length;
        const ws = windowsFor(start, end, size, tz);
        expect(ws[0]!.start).toBe(start);
        expect(ws.at(-1)!.end).toBe(end);
        for (let i = 0; i < ws.length; i++) {
          const w = ws[i]!;
          expect(w.end).toBeGreaterThan(w.start);
          if (i > 0) expect(w.start).toBe(ws[i - 1]!.end);
          if (size === 'none') continue;
          expect(label(w.start, size, tz)).toBe(label(w.end - 1, size, tz));
          if (i > 0) expect(label(w.start - 1, size, tz)).not.toBe(label(w.start, size, tz));
          if (size === 'minute' || size === 'hour') expect(w.end - w.start).toBeLessThanOrEqual(size === 'minute' ? 60_000 : H);
          const bounds = windowBounds(w.start, size, tz);
          expect(bounds.end).toBeGreaterThanOrEqual(w.end);
          if (i > 0) expect(bounds.start).toBe(w.start);
          else expect(bounds.start).toBeLessThanOrEqual(w.start);
          if (i < ws.length - 1) expect(bounds.end).toBe(w.end);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('windowStart agrees with the window holding any instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AlignedWindowSize>('minute', 'hour', 'day', 'week', 'month'),
        fc.oneof(anywhere, nearChange),
        (size, { tz, start: ts }) => {
          const { start, end } = windowBounds(ts, size, tz);
          expect(start).toBeLessThanOrEqual(ts);
          expect(end).toBeGreaterThan(ts);
          expect(windowStart(start, size, tz)).toBe(start);
          expect(windowStart(end, size, tz)).toBe(end);
          expect(windowStart(end - 1, size, tz)).toBe(start);
          expect(label(start, size, tz)).toBe(label(ts, size, tz));
        },
      ),
      { numRuns: 500 },
    );
  });
});
