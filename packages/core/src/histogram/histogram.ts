import { binOf } from './log-bins.js';

/**
 * A sparse histogram: bin index (as a string, so it is a JSON object as is)
 * to the number of values in that bin. Plain data, so it can be stored in a
 * database row and merged anywhere.
 */
export type Histogram = Record<string, number>;

export function emptyHistogram(): Histogram {
  return {};
}

/** Adds `count` occurrences of `value` in place; returns the histogram. Non-finite values are ignored. */
export function addToHistogram(h: Histogram, value: number, count = 1): Histogram {
  if (!Number.isFinite(value) || !(count > 0)) return h;
  const key = String(binOf(value));
  h[key] = (h[key] ?? 0) + count;
  return h;
}

/** Adds the counts of `from` into `into` in place (merging is associative and commutative). */
export function mergeInto(into: Histogram, from: Histogram): Histogram {
  for (const [key, count] of Object.entries(from)) {
    if (count > 0) into[key] = (into[key] ?? 0) + count;
  }
  return into;
}

/** A new histogram holding the values of both. */
export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  return mergeInto(mergeInto({}, a), b);
}

export function histogramCount(h: Histogram): number {
  let n = 0;
  for (const count of Object.values(h)) n += count;
  return n;
}
