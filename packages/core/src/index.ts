export { EVENT_LIMITS, DEFAULT_TIME_WINDOW, type TimeWindow } from './event/limits.js';
export type { EventInput, EventIssue, Metadata, MetadataValue, ValidEvent } from './event/types.js';
export { parseTimestamp, formatTimestamp } from './event/timestamp.js';
export { checkMetadata } from './event/validate-metadata.js';
export { validateEvent, type ValidateContext } from './event/validate-event.js';
export { validateBatch, type BatchResult } from './event/validate-batch.js';
export { newId, type IdPrefix } from './id.js';
export { Decimal, type DecimalLike } from './money/decimal.js';
export { DECIMAL_MAX_LENGTH, DECIMAL_MAX_EXPONENT } from './money/decimal-parse.js';
export { DEFAULT_ROUNDING, isRoundingMode, type RoundingMode } from './money/rounding.js';
export { CURRENCIES, currencyExponent, isCurrency } from './money/currency.js';
export { priceComponent, type PriceComponent, type PriceComponentInput } from './money/price-component.js';
export {
  WINDOW_SIZES,
  isWindowSize,
  MIN_WINDOW_MS,
  MAX_WINDOW_MS,
  type WindowSize,
  type AlignedWindowSize,
  type TimeRange,
} from './window/window-size.js';
export { isValidTimeZone, zoneOffset, wallTime } from './window/time-zone.js';
export { localToUtc } from './window/local-time.js';
export { windowBounds, windowStart } from './window/window-bounds.js';
export { windowsFor, DEFAULT_MAX_WINDOWS, type WindowsOptions } from './window/windows-for.js';
export {
  billingPeriods,
  MAX_INTERVAL_COUNT,
  type BillingInterval,
  type BillingPeriod,
  type BillingUnit,
} from './money/billing-period.js';
