import { Decimal } from './decimal.js';

// Fast paths for canonical decimal strings on hot paths (every event at ingest
// runs through them). Each falls back to exact BigInt arithmetic whenever the
// shortcut could be inexact, so results are always the same as Decimal's.

const SMALL_INTEGER = /^-?\d{1,15}$/;

/** The canonical decimal text of a finite JS number (its shortest round-trip form). */
export function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  // Without an exponent, String(n) is already canonical: no "+", no trailing zeros, -0 → "0".
  return text.includes('e') ? Decimal.fromNumber(value).toString() : text;
}

/** a + b for canonical decimal strings, exact. */
export function addDecimalText(a: string, b: string): string {
  if (SMALL_INTEGER.test(a) && SMALL_INTEGER.test(b)) return String(Number(a) + Number(b)); // |sum| < 2e15: exact
  return Decimal.parse(a).add(Decimal.parse(b)).toString();
}

/** -1, 0 or 1 comparing decimal strings, exact. */
export function compareDecimalText(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  // Decimal-to-double rounding is monotonic, so differing doubles order their decimals.
  const x = Number(a);
  const y = Number(b);
  if (x < y) return -1;
  if (x > y) return 1;
  return Decimal.parse(a).compare(Decimal.parse(b));
}
