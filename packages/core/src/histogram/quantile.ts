import type { Histogram } from './histogram.js';
import { binValue } from './log-bins.js';

/**
 * The q-quantile (0 < q ≤ 1) by nearest rank: the value of rank ⌈q·n⌉ in
 * sorted order, read back from its bin, so within RELATIVE_ACCURACY of the
 * exact nearest-rank quantile. null for an empty histogram.
 */
export function quantile(h: Histogram, q: number): number | null {
  return quantiles(h, [q])[0]!;
}

/** Several quantiles in one pass over the sorted bins. */
export function quantiles(h: Histogram, qs: readonly number[]): Array<number | null> {
  for (const q of qs) {
    if (!(q > 0 && q <= 1)) throw new RangeError(`a quantile must be in (0, 1], got ${q}`);
  }
  const bins = Object.entries(h)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => [Number(key), count] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, count] of bins) total += count;
  if (total === 0) return qs.map(() => null);
  return qs.map((q) => {
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const [bin, count] of bins) {
      seen += count;
      if (seen >= rank) return binValue(bin);
    }
    return binValue(bins[bins.length - 1]![0]);
  });
}
