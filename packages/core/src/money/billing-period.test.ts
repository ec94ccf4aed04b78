import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingPeriods, type BillingInterval } from './billing-period.js';

const iso = (s: string) => Date.parse(s);
const days = (ps: { start: number }[]) => ps.map((p) => new Date(p.start).toISOString().slice(0, 16));
const month: BillingInterval = { unit: 'month', count: 1 };

describe('billingPeriods', () => {
  it('puts a 31st anchor on the last day of short months and back on the 31st', () => {
    const ps = billingPeriods(iso('2024-01-31T10:00:00Z'), month, iso('2024-01-01T00:00:00Z'), iso('2024-06-01T00:00:00Z'));
    expect(days(ps)).toEqual(['2024-01-31T10:00', '2024-02-29T10:00', '2024-03-31T10:00', '2024-04-30T10:00', '2024-05-31T10:00']);
    expect(ps.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    expect(ps.at(-1)!.end).toBe(iso('2024-06-30T10:00:00Z'));
  });

  it('returns only the periods overlapping the range, whole', () => {
    const ps = billingPeriods(iso('2023-01-15T00:00:00Z'), month, iso('2024-03-20T00:00:00Z'), iso('2024-04-15T00:00:00Z'));
    expect(ps).toEqual([{ index: 14, start: iso('2024-03-15T00:00:00Z'), end: iso('2024-04-15T00:00:00Z') }]);
    expect(billingPeriods(iso('2023-01-15T00:00:00Z'), month, iso('2024-03-15T00:00:00Z'), iso('2024-03-15T00:00:01Z'))).toHaveLength(1);
  });

  it('has no period before the anchor', () => {
    expect(billingPeriods(iso('2024-05-01T00:00:00Z'), month, iso('2024-01-01T00:00:00Z'), iso('2024-05-01T00:00:00Z'))).toEqual([]);
    expect(days(billingPeriods(iso('2024-05-01T00:00:00Z'), month, iso('2024-01-01T00:00:00Z'), iso('2024-05-02T00:00:00Z')))).toEqual([
      '2024-05-01T00:00',
    ]);
  });

  it('handles leap-day yearly anchors and quarters', () => {
    const years = billingPeriods(iso('2024-02-29T00:00:00Z'), { unit: 'year', count: 1 }, iso('2024-03-01T00:00:00Z'), iso('2028-03-01T00:00:00Z'));
    expect(days(years)).toEqual(['2024-02-29T00:00', '2025-02-28T00:00', '2026-02-28T00:00', '2027-02-28T00:00', '2028-02-29T00:00']);
    const quarters = billingPeriods(iso('2024-11-30T00:00:00Z'), { unit: 'month', count: 3 }, iso('2024-12-01T00:00:00Z'), iso('2025-07-01T00:00:00Z'));
    expect(days(quarters)).toEqual(['2024-11-30T00:00', '2025-02-28T00:00', '2025-05-30T00:00']);
  });

  it('keeps local time across DST in the zone given', () => {
    // Monday 09:00 in New York, weekly: 14:00Z in winter, 13:00Z after 10 March.
    const ps = billingPeriods(iso('2024-03-04T14:00:00Z'), { unit: 'week', count: 1 }, iso('2024-03-04T14:00:00Z'), iso('2024-03-19T00:00:00Z'), 'America/New_York');
    expect(days(ps)).toEqual(['2024-03-04T14:00', '2024-03-11T13:00', '2024-03-18T13:00']);
    // Monthly from 1 Jan local midnight in Kathmandu.
    const kt = billingPeriods(iso('2023-12-31T18:15:00Z'), month, iso('2024-01-01T00:00:00Z'), iso('2024-02-29T18:00:00Z'), 'Asia/Kathmandu');
    expect(days(kt)).toEqual(['2023-12-31T18:15', '2024-01-31T18:15']);
    // 2-day periods over London's spring change keep local midnight.
    const two = billingPeriods(iso('2024-03-29T00:00:00Z'), { unit: 'day', count: 2 }, iso('2024-03-29T00:00:00Z'), iso('2024-04-03T00:00:00Z'), 'Europe/London');
    expect(days(two)).toEqual(['2024-03-29T00:00', '2024-03-31T00:00', '2024-04-01T23:00']); // BST from 31 Mar 01:00
  });

  it('rejects bad input', () => {
    expect(() => billingPeriods(0, { unit: 'month', count: 0 }, 0, 1)).toThrow(RangeError);
    expect(() => billingPeriods(0, { unit: 'month', count: 1.5 }, 0, 1)).toThrow(RangeError);
    expect(() => billingPeriods(0, { unit: 'fortnight' as 'day', count: 1 }, 0, 1)).toThrow(RangeError);
    expect(() => billingPeriods(0, month, 0, 1, 'Bad/Zone')).toThrow(RangeError);
    expect(() => billingPeriods(0, { unit: 'day', count: 1 }, 0, 100_000 * 86_400_000)).toThrow(/more than 10000/);
    expect(billingPeriods(0, month, 10, 10)).toEqual([]);
  });

  it('agrees with stepping from the anchor, and periods tile time', () => {
    const interval = fc.record({ unit: fc.constantFrom<BillingInterval['unit']>('day', 'week', 'month', 'year'), count: fc.integer({ min: 1, max: 4 }) });
    const when = fc.integer({ min: iso('2022-01-01T00:00:00Z'), max: iso('2026-01-01T00:00:00Z') });
    fc.assert(
      fc.property(when, interval, when, fc.integer({ min: 1, max: 200 * 86_400_000 }), fc.constantFrom('UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'), (anchor, iv, from, length, tz) => {
        const to = from + length;
        const ps = billingPeriods(anchor, iv, from, to, tz);
        const all = billingPeriods(anchor, iv, anchor, Math.max(to, anchor + 1), tz, 1_000_000);
        expect(ps).toEqual(all.filter((p) => p.end > from && p.start < to));
        for (let i = 1; i < all.length; i++) {
          expect(all[i]!.start).toBe(all[i - 1]!.end);
          expect(all[i]!.index).toBe(i);
        }
        expect(all[0]!.start).toBe(anchor);
      }),
      { numRuns: 100 },
    );
  });
});
