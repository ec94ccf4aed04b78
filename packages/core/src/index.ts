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
export { windowIndex } from './window/window-index.js';
export {
  billingPeriods,
  MAX_INTERVAL_COUNT,
  type BillingInterval,
  type BillingPeriod,
  type BillingUnit,
} from './money/billing-period.js';
export {
  AGGREGATION_TYPES,
  FILTER_OPERATORS,
  isNumericAggregation,
  type Aggregation,
  type AggregationType,
  type NumericAggregationType,
  type Condition,
  type Conjunction,
  type Filter,
  type FilterOperator,
  type MeterDefinition,
  type MeterInput,
} from './meter/types.js';
export { METER_LIMITS, type MeterIssue } from './meter/limits.js';
export { checkFilter } from './meter/validate-filter.js';
export { validateMeterInput, type MeterValidation, type ValidMeterInput } from './meter/validate-meter.js';
export { matchesFilter, conditionHolds, metadataValue } from './meter/filter-match.js';
export { explainFilter, type ClauseFailure } from './meter/explain-filter.js';
export { isNumericString } from './meter/numeric-string.js';
export { eventContribution, contributedNumber, type Contribution } from './meter/contribution.js';
export { uniqueKey } from './meter/unique-key.js';
export { compareCodePoints, isLaterEvent } from './meter/event-order.js';
export { emptyCell, addToCell, mergeCells, type RollupCell } from './meter/rollup-cell.js';
export { cellValue, AVG_SCALE } from './meter/cell-value.js';
export { explainEvent, type EventExplanation, type ExplainContext, type ExplainReason } from './meter/explain-event.js';
export { aggregateNaive, type NaiveOptions, type UsageItem } from './meter/aggregate-naive.js';
export { addDecimalText, compareDecimalText, numberToDecimalText } from './money/decimal-text.js';
export * from './histogram/index.js';
