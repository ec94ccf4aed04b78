import { currencyExponent } from './currency.js';
import { Decimal, type DecimalLike } from './decimal.js';
import { DEFAULT_ROUNDING, type RoundingMode } from './rounding.js';

export interface PriceComponentInput {
  /** Units the meter measured in the period (may be fractional, e.g. GB). */
  consumed: DecimalLike;
  /** Units given free each period; 0 when omitted. */
  freeThreshold?: DecimalLike;
  /** Price of one unit in the currency's major unit, e.g. "0.0025" dollars. */
  pricePerUnit: DecimalLike;
  /** ISO 4217 code. */
  currency: string;
  /** How the total is rounded to a whole minor unit; half_up unless told. */
  rounding?: RoundingMode;
}

/** One metered line of a bill, in the shape of upstream's usage history. */
export interface PriceComponent {
  consumed_units: string;
  free_threshold: string;
  chargeable_units: string;
  price_per_unit: string;
  currency: string;
  /** Integer amount in the currency's minor unit (cents, yen, fils). */
  total_price: number;
}

/**
 * Prices one meter's usage for one period. chargeable = max(0, consumed - free);
 * total = chargeable × price, computed exactly and rounded once, to a whole
 * minor unit, half up (0.5 cent → 1 cent), as a person checking the bill by hand
 * would. Throws RangeError for an unknown currency, a negative price or
 * threshold, or a total beyond Number.MAX_SAFE_INTEGER minor units.
 */
export function priceComponent(input: PriceComponentInput): PriceComponent {
  const exponent = currencyExponent(input.currency);
  const consumed = Decimal.from(input.consumed);
  const free = Decimal.from(input.freeThreshold ?? 0);
  const price = Decimal.from(input.pricePerUnit);
  if (free.sign() < 0) throw new RangeError('free threshold must not be negative');
  if (price.sign() < 0) throw new RangeError('price per unit must not be negative');
  const chargeable = Decimal.max(0, consumed.sub(free));
  const minor = chargeable.mul(price).movePoint(exponent).round(0, input.rounding ?? DEFAULT_ROUNDING);
  const total = minor.toBigInt();
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('total price is too large to represent');
  return {
    consumed_units: consumed.toString(),
    free_threshold: free.toString(),
    chargeable_units: chargeable.toString(),
    price_per_unit: price.toString(),
    currency: input.currency,
    total_price: Number(total),
  };
}
