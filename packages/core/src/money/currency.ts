// ISO 4217 minor-unit exponents: how many decimal places the smallest unit has.
// Most currencies have 2, so only the exceptions are listed.
const ZERO_DECIMAL = ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
const THREE_DECIMAL = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'];
const FOUR_DECIMAL = ['CLF', 'UYW'];

// The currencies the upstream API accepts, plus the exceptions above.
const TWO_DECIMAL = [
  'AED', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD', 'BND',
  'BOB', 'BRL', 'BSD', 'BWP', 'BYN', 'BZD', 'CAD', 'CHF', 'CNY', 'COP', 'CRC', 'CUP', 'CVE', 'CZK', 'DKK',
  'DOP', 'DZD', 'EGP', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ', 'GYD', 'HKD',
  'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'JMD', 'KES', 'KGS', 'KHR', 'KYD', 'KZT', 'LAK', 'LBP',
  'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN',
  'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'QAR',
  'RON', 'RSD', 'RUB', 'SAR', 'SBD', 'SCR', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN',
  'SVC', 'SZL', 'THB', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'USD', 'UYU', 'UZS', 'VES', 'WST', 'XCD',
  'YER', 'ZAR', 'ZMW',
];

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...TWO_DECIMAL.map((c) => [c, 2] as const),
  ...ZERO_DECIMAL.map((c) => [c, 0] as const),
  ...THREE_DECIMAL.map((c) => [c, 3] as const),
  ...FOUR_DECIMAL.map((c) => [c, 4] as const),
]);

/** Every supported ISO 4217 code, sorted. */
export const CURRENCIES: readonly string[] = [...EXPONENTS.keys()].sort();

export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && EXPONENTS.has(code);
}

/**
 * Decimal places of the currency's minor unit: USD 2 (cents), JPY 0 (yen),
 * KWD 3 (fils). Codes are upper case, as ISO 4217 writes them. Throws
 * RangeError for an unknown code, since guessing 2 would mis-state a bill.
 */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new RangeError(`unknown currency: ${JSON.stringify(code)}`);
  return exponent;
}
