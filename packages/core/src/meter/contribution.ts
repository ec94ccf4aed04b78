import type { Metadata, MetadataValue } from '../event/types.js';
import { numberToDecimalText } from '../money/decimal-text.js';
import { metadataValue } from './filter-match.js';
import { isNumericString } from './numeric-string.js';
import type { Aggregation } from './types.js';
import { uniqueKey } from './unique-key.js';

/**
 * What one event adds to a meter. `value` is the exact decimal of the number
 * aggregated (null for count and unique_count); `unique` is the uniqueKey of
 * the value for unique_count (null otherwise).
 */
export type Contribution =
  | { counts: true; value: string | null; unique: string | null }
  | {
      counts: false;
      /**
       * missing_key: the event has no such key (or no aggregation key is set).
       * not_numeric_string: a numeric type got a string like "150".
       * not_numeric: a numeric type got another string or a boolean.
       */
      reason: 'missing_key' | 'not_numeric_string' | 'not_numeric';
      key: string | null;
      actual: MetadataValue | null;
    };

/**
 * How one event (already matched by name and filter) feeds an aggregation.
 * count always counts. sum, max, min, avg and last need a JS number at `key`:
 * a numeric string does not count (reported as not_numeric_string, so the
 * sender can be told to send 150 rather than "150"). unique_count accepts
 * any string, number or boolean.
 */
export function eventContribution(aggregation: Aggregation, metadata: Metadata | null | undefined): Contribution {
  if (aggregation.type === 'count') return { counts: true, value: null, unique: null };
  const key = aggregation.key ?? null;
  const actual = key === null ? undefined : metadataValue(metadata, key);
  if (actual === undefined) return { counts: false, reason: 'missing_key', key, actual: null };
  if (aggregation.type === 'unique_count') return { counts: true, value: null, unique: uniqueKey(actual) };
  if (countsAsNumber(actual)) return { counts: true, value: numberToDecimalText(actual), unique: null };
  return { counts: false, reason: isNumericString(actual) ? 'not_numeric_string' : 'not_numeric', key, actual };
}

const countsAsNumber = (actual: MetadataValue | undefined): actual is number => typeof actual === 'number' && Number.isFinite(actual);

/**
 * The number an event adds to sum, avg, min, max or last, or undefined when
 * it does not count: eventContribution's rule, for the ingest path, which
 * keeps numbers as numbers until a cell is written.
 */
export function contributedNumber(metadata: Metadata | null | undefined, key: string | null): number | undefined {
  const actual = key === null ? undefined : metadataValue(metadata, key);
  return countsAsNumber(actual) ? actual : undefined;
}
