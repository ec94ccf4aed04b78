import { describe, expect, it } from 'vitest';
import { localToUtc } from './local-time.js';
import { isValidTimeZone, wallTime, zoneOffset } from './time-zone.js';

const H = 3_600_000;
const iso = (s: string) => Date.parse(s);

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Etc/UTC', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Asia/Calcutta'])(
    'accepts %s',
    (tz) => expect(isValidTimeZone(tz)).toBe(true),
  );
  it.each(['', 'Mars/Olympus', 'America/NewYork', 'UTC+1 ', 'Z'])('rejects %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
  it('rejects non-strings', () => {
    expect(isValidTimeZone(undefined)).toBe(false);
    expect(isValidTimeZone(5)).toBe(false);
  });
});

describe('zoneOffset', () => {
  it('reads offsets, including fractional and DST ones', () => {
    expect(zoneOffset(iso('2024-01-15T12:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffset(iso('2024-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * H);
    expect(zoneOffset(iso('2024-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * H);
    expect(zoneOffset(iso('2024-07-15T12:00:00Z'), 'Asia/Kathmandu')).toBe(5.75 * H);
    expect(zoneOffset(iso('2024-07-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * H);
    expect(zoneOffset(iso('2024-01-15T12:00:00Z'), 'Australia/Lord_Howe')).toBe(11 * H);
  });

  it('handles milliseconds, negative epochs and early years', () => {
    expect(zoneOffset(iso('2024-01-15T12:00:00.999Z'), 'America/New_York')).toBe(-5 * H);
    expect(zoneOffset(iso('1969-12-31T23:59:59.500Z'), 'Asia/Kathmandu')).toBe(5.5 * H);
    expect(zoneOffset(iso('1500-06-01T00:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffset(iso('1800-06-01T00:00:00Z'), 'Europe/London')).toBe(-75_000); // LMT −0:01:15, before 1847
  });

  it('throws for unknown zones', () => {
    expect(() => zoneOffset(0, 'Nowhere/Else')).toThrow(RangeError);
  });

  it('gives the wall clock', () => {
    expect(new Date(wallTime(iso('2024-03-10T07:30:00Z'), 'America/New_York')).toISOString()).toBe('2024-03-10T03:30:00.000Z');
  });
});

describe('localToUtc', () => {
  it('maps ordinary readings', () => {
    expect(localToUtc(iso('2024-01-15T10:00:00Z'), 'America/New_York')).toBe(iso('2024-01-15T15:00:00Z'));
    expect(localToUtc(iso('2024-01-15T00:00:00Z'), 'Asia/Kathmandu')).toBe(iso('2024-01-14T18:15:00Z'));
  });

  it('takes the earlier instant of a repeated reading', () => {
    // 01:30 happens twice in New York on 2024-11-03: EDT (05:30Z) then EST (06:30Z).
    expect(localToUtc(iso('2024-11-03T01:30:00Z'), 'America/New_York')).toBe(iso('2024-11-03T05:30:00Z'));
  });

  it('shifts a skipped reading forward by the gap', () => {
    // 02:30 never happens in New York on 2024-03-10; clocks jump 02:00 → 03:00 at 07:00Z.
    expect(localToUtc(iso('2024-03-10T02:30:00Z'), 'America/New_York')).toBe(iso('2024-03-10T07:30:00Z'));
    expect(localToUtc(iso('2024-03-10T02:00:00Z'), 'America/New_York')).toBe(iso('2024-03-10T07:00:00Z'));
    // São Paulo's 2018 DST began at midnight: 4 Nov starts at 01:00 local, 03:00Z.
    expect(localToUtc(iso('2018-11-04T00:00:00Z'), 'America/Sao_Paulo')).toBe(iso('2018-11-04T03:00:00Z'));
  });

  it('round-trips through wallTime away from transitions', () => {
    for (const tz of ['America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/London']) {
      for (let t = iso('2024-01-01T00:00:00Z'); t < iso('2025-01-01T00:00:00Z'); t += 7 * H + 123_457) {
        const back = localToUtc(wallTime(t, tz), tz);
        // Equal, or the earlier twin of a repeated reading.
        expect(back === t || (back < t && wallTime(back, tz) === wallTime(t, tz))).toBe(true);
      }
    }
  });
});
