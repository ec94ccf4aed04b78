/**
 * Fixed logarithmic bins for latencies (or any positive measure). Bin i holds
 * the values in (γ^(i-1), γ^i]; reporting a bin by 2γ^i / (γ + 1) is off by
 * at most RELATIVE_ACCURACY of any value in it. Every process uses the same
 * bins, so histograms written anywhere merge by adding counts.
 */

/** Worst relative error of a value read back from its bin. */
export const RELATIVE_ACCURACY = 0.02;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/**
 * Values at or below this (1 µs when the unit is ms, including 0) share the
 * lowest bin: their absolute error is at most MIN_VALUE instead.
 */
export const MIN_VALUE = 1e-3;

export const MIN_BIN = Math.ceil(Math.log(MIN_VALUE) / LOG_GAMMA);

/** The bin of a finite value; values ≤ MIN_VALUE (and negatives) go to MIN_BIN. */
export function binOf(value: number): number {
  if (!(value > MIN_VALUE)) return MIN_BIN;
  const bin = Math.ceil(Math.log(value) / LOG_GAMMA);
  // Float rounding can put an exact bin edge one bin too high or low.
  if (Math.pow(GAMMA, bin - 1) >= value) return Math.max(MIN_BIN, bin - 1);
  if (Math.pow(GAMMA, bin) < value) return bin + 1;
  return Math.max(MIN_BIN, bin);
}

/** The value a bin stands for: the point of least worst-case relative error. */
export function binValue(bin: number): number {
  if (bin <= MIN_BIN) return MIN_VALUE;
  return (2 * Math.pow(GAMMA, bin)) / (GAMMA + 1);
}
