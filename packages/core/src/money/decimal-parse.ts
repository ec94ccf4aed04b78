/** A decimal as an integer coefficient and a count of fractional digits: coef × 10^-scale. */
export interface DecimalParts {
  coef: bigint;
  scale: number;
}

// Plain decimal notation with an optional exponent. No leading '.', no trailing
// '.', no spaces, no hex or underscores: the strings people put in JSON.
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Longest accepted text; bounds the BigInt work one untrusted string can cause. */
export const DECIMAL_MAX_LENGTH = 400;
/** Largest accepted exponent magnitude (JS numbers need at most 324). */
export const DECIMAL_MAX_EXPONENT = 1000;

/** Parses decimal text such as "12.50", "-3" or "1e-7"; undefined when malformed. */
export function parseDecimalParts(text: string): DecimalParts | undefined {
  if (text.length > DECIMAL_MAX_LENGTH) return undefined;
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? '';
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > DECIMAL_MAX_EXPONENT) return undefined;
  let coef = BigInt(m[2] + fraction);
  if (m[1] === '-') coef = -coef;
  let scale = fraction.length - exponent;
  if (scale < 0) {
    coef *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { coef, scale };
}

/**
 * The exact decimal a JS number stands for in its shortest round-trip form
 * (what `String(n)` prints), so 0.1 is one tenth, not 0.1000000000000000055….
 * Throws RangeError for NaN and ±Infinity.
 */
export function numberToDecimalParts(value: number): DecimalParts {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  // String(-0) is "0", and every finite number prints in the grammar above.
  return parseDecimalParts(String(value))!;
}
