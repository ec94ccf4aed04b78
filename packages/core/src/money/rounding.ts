/**
 * How a value that falls between two representable results is rounded.
 *
 * - `half_up`: ties go away from zero (2.5 → 3, -2.5 → -3). The default
 *   everywhere in Tally: it is what an invoice reader checking a charge by hand
 *   expects, and what PostgreSQL's `round(numeric)` does. Its upward bias on
 *   ties does not accumulate because Tally never sums rounded values: sums are
 *   exact and rounding happens once, at the end.
 * - `half_even`: ties go to the even neighbour (2.5 → 2, 3.5 → 4), for callers
 *   that round many values and then add them up.
 * - `floor`, `ceil`, `trunc`: towards -∞, +∞ and zero.
 */
export type RoundingMode = 'half_up' | 'half_even' | 'floor' | 'ceil' | 'trunc';

export const DEFAULT_ROUNDING: RoundingMode = 'half_up';

const ROUNDING_MODES: ReadonlySet<string> = new Set(['half_up', 'half_even', 'floor', 'ceil', 'trunc']);

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && ROUNDING_MODES.has(value);
}

/** n / d rounded to an integer with `mode`. Throws RangeError when d is 0. */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // BigInt division truncates towards zero
  const r = n % d; // same sign as n
  if (r === 0n) return q;
  const negative = n < 0n;
  const awayFromZero = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'trunc':
      return q;
    case 'floor':
      return negative ? awayFromZero : q;
    case 'ceil':
      return negative ? q : awayFromZero;
    case 'half_up':
    case 'half_even': {
      const twice = (negative ? -r : r) * 2n;
      if (twice > d) return awayFromZero;
      if (twice < d) return q;
      if (mode === 'half_up') return awayFromZero;
      return q % 2n === 0n ? q : awayFromZero;
    }
  }
}
