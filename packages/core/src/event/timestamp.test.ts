import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    ['2024-01-15T10:30:00Z', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15t10:30:00z', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15 10:30:00Z', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15T10:30:00.5Z', Date.UTC(2024, 0, 15, 10, 30, 0, 500)],
    ['2024-01-15T10:30:00.123456789Z', Date.UTC(2024, 0, 15, 10, 30, 0, 123)],
    ['2024-01-15T10:30:00+05:30', Date.UTC(2024, 0, 15, 5, 0)],
    ['2024-01-15T10:30:00-08:00', Date.UTC(2024, 0, 15, 18, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ])('reads %s', (text, ms) => {
    expect(parseTimestamp(text)).toBe(ms);
  });

  it.each([
    '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '2024-01-01T10:00:60Z', '2024-01-01T10:00:00',
    '2024-01-01', '2024-01-01T10:00:00+0530', '2024-01-01T10:00:00.Z', '2024-01-01T10:00:00Zjunk',
    '2024-01-01T10:00:00+24:00', ' 2024-01-01T10:00:00Z', 'yesterday', '', '2024-1-01T10:00:00Z',
    '2024-01-01T10:00:00.1234567890Z',
  ])('refuses %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('round-trips every instant it formats', () => {
    fc.assert(fc.property(fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }), (d) => {
      expect(parseTimestamp(formatTimestamp(d.getTime()))).toBe(d.getTime());
    }));
  });
});
