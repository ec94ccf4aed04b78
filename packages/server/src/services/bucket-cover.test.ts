import { describe, expect, it } from 'vitest';
import { coverRange, mergeRuns } from './bucket-cover.js';

const iso = (s: string) => Date.parse(s);
const show = (ps: ReturnType<typeof coverRange>) => ps.map((p) => `${p.gran} ${new Date(p.start).toISOString()}..${new Date(p.end).toISOString()}`);

describe('coverRange', () => {
  it('answers a UTC day from one day bucket', () => {
    expect(show(coverRange(iso('2024-01-01T00:00:00Z'), iso('2024-01-02T00:00:00Z')))).toEqual([
      'day 2024-01-01T00:00:00.000Z..2024-01-02T00:00:00.000Z',
    ]);
  });

  it('uses hours for a whole-hour offset and minutes for +05:45 edges', () => {
    expect(show(coverRange(iso('2024-01-01T05:00:00Z'), iso('2024-01-02T05:00:00Z')))).toEqual([
      'hour 2024-01-01T05:00:00.000Z..2024-01-02T05:00:00.000Z',
    ]);
    expect(show(coverRange(iso('2023-12-31T18:15:00Z'), iso('2024-01-02T18:15:00Z')))).toEqual([
      'minute 2023-12-31T18:15:00.000Z..2023-12-31T19:00:00.000Z',
      'hour 2023-12-31T19:00:00.000Z..2024-01-01T00:00:00.000Z',
      'day 2024-01-01T00:00:00.000Z..2024-01-02T00:00:00.000Z',
      'hour 2024-01-02T00:00:00.000Z..2024-01-02T18:00:00.000Z',
      'minute 2024-01-02T18:00:00.000Z..2024-01-02T18:15:00.000Z',
    ]);
  });

  it('refuses ranges that are not on whole minutes', () => {
    expect(() => coverRange(iso('2024-01-01T00:00:30Z'), iso('2024-01-01T01:00:00Z'))).toThrow(/whole minutes/);
    expect(coverRange(5, 5)).toEqual([]);
  });

  it('merges adjacent pieces of one granularity into runs', () => {
    const days = [0, 1, 2].flatMap((d) => coverRange(iso('2024-01-01T05:00:00Z') + d * 864e5, iso('2024-01-02T05:00:00Z') + d * 864e5));
    expect(mergeRuns(days)).toEqual([{ gran: 'hour', start: iso('2024-01-01T05:00:00Z'), end: iso('2024-01-04T05:00:00Z') }]);
  });
});
