import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToHistogram, histogramCount, mergeHistograms, type Histogram } from './histogram.js';
import { binOf, binValue, MIN_VALUE, RELATIVE_ACCURACY } from './log-bins.js';
import { quantile, quantiles } from './quantile.js';

const latency = fc.double({ min: 0, max: 1e7, noNaN: true });

function exactNearestRank(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

function build(values: number[]): Histogram {
  const h: Histogram = {};
  for (const v of values) addToHistogram(h, v);
  return h;
}

function closeEnough(estimate: number, exact: number): boolean {
  if (exact <= MIN_VALUE) return estimate === MIN_VALUE;
  return Math.abs(estimate - exact) <= exact * RELATIVE_ACCURACY * (1 + 1e-9);
}

describe('log bins', () => {
  it('reads every value back within the stated relative accuracy', () => {
    fc.assert(fc.property(latency, (v) => closeEnough(binValue(binOf(v)), v)));
  });

  it('keeps bins in value order', () => {
    fc.assert(fc.property(latency, latency, (a, b) => (a <= b ? binOf(a) <= binOf(b) : binOf(a) >= binOf(b))));
  });

  it('puts 0 and negatives in the lowest bin', () => {
    expect(binOf(0)).toBe(binOf(-5));
    expect(binValue(binOf(0))).toBe(MIN_VALUE);
    expect(binOf(1)).toBeGreaterThan(binOf(0));
  });
});

describe('quantiles', () => {
  it('are within the relative accuracy of the exact nearest-rank quantile', () => {
    fc.assert(
      fc.property(fc.array(latency, { minLength: 1, maxLength: 300 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (values, q) =>
        closeEnough(quantile(build(values), q)!, exactNearestRank(values, q)),
      ),
    );
  });

  it('of a merge equal those of the union, in any order', () => {
    fc.assert(
      fc.property(fc.array(latency), fc.array(latency), (a, b) => {
        const union = build([...a, ...b]);
        const merged = mergeHistograms(build(a), build(b));
        expect(merged).toEqual(union);
        expect(mergeHistograms(build(b), build(a))).toEqual(union);
        expect(histogramCount(merged)).toBe(a.length + b.length);
      }),
    );
  });

  it('give p50..p99 of a known spread', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const [p50, p90, p99] = quantiles(build(values), [0.5, 0.9, 0.99]);
    expect(p50).toBeCloseTo(500, -1);
    expect(Math.abs(p90! - 900)).toBeLessThanOrEqual(900 * RELATIVE_ACCURACY);
    expect(Math.abs(p99! - 990)).toBeLessThanOrEqual(990 * RELATIVE_ACCURACY);
  });

  it('are null when empty and refuse q outside (0, 1]', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(() => quantile({ '1': 1 }, 0)).toThrow(RangeError);
    expect(() => quantile({ '1': 1 }, 1.5)).toThrow(RangeError);
  });
});
