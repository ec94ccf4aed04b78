import { currencyExponent } from '@tally/core';

/**
 * An amount in the currency's minor unit (upstream's total_price) as text,
 * exactly and with all its decimals: 300 USD → "USD 3.00", 5 JPY → "JPY 5".
 * Done on the digits, never through binary floating point.
 */
export function formatMinor(minor: number | string, currency: string): string {
  const code = currency.toUpperCase();
  let exp = 2;
  try {
    exp = currencyExponent(code);
  } catch {
    // an unknown code: show two decimals
  }
  const text = BigInt(minor).toString();
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).padStart(exp + 1, '0');
  const whole = exp ? `${digits.slice(0, -exp)}.${digits.slice(-exp)}` : digits;
  return `${code} ${negative ? '-' : ''}${whole}`;
}
