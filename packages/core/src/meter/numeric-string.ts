import { parseDecimalParts } from '../money/decimal-parse.js';

/**
 * True for a string that reads as a number, like "150", "-2.5" or " 1e3 ":
 * the classic mistake of sending `tokens: "150"` instead of `tokens: 150`.
 * Used only to explain why such a value does not count, never to count it.
 */
export function isNumericString(value: unknown): value is string {
  return typeof value === 'string' && parseDecimalParts(value.trim()) !== undefined;
}
