import type { Metadata, MetadataValue } from '../event/types.js';
import type { Condition, Filter } from './types.js';

/**
 * The value at `key`, or undefined when the event has no such key. Only own
 * properties count, so a key like "constructor" is not found on every object.
 */
export function metadataValue(metadata: Metadata | null | undefined, key: string): MetadataValue | undefined {
  if (!metadata || !Object.prototype.hasOwnProperty.call(metadata, key)) return undefined;
  return metadata[key];
}

/**
 * Whether one condition holds for a metadata value. The rules:
 * - A missing key never matches, whatever the operator — `not_equals` and
 *   `does_not_contain` included: a filter only admits events that carry the key.
 * - `equals` / `not_equals` compare type and value: the string "150" is not
 *   equal to the number 150 (so `not_equals 150` matches "150").
 * - The four ordering operators compare numbers only. A string such as "150"
 *   never matches them: upstream asks for numbers to be sent as numbers, and
 *   quietly parsing strings would make filters and sums disagree.
 * - `contains` / `does_not_contain` are case-sensitive substring tests on
 *   strings; any other type of value does not match either of them.
 */
export function conditionHolds(condition: Condition, actual: MetadataValue | undefined): boolean {
  if (actual === undefined) return false;
  const expected = condition.value;
  switch (condition.operator) {
    case 'equals':
      return actual === expected;
    case 'not_equals':
      return actual !== expected;
    case 'greater_than':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'greater_than_or_equals':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'less_than':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'less_than_or_equals':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case 'contains':
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    case 'does_not_contain':
      return typeof actual === 'string' && typeof expected === 'string' && !actual.includes(expected);
    default:
      return false; // an operator validation would have rejected
  }
}

function isFilter(clause: Condition | Filter): clause is Filter {
  return 'clauses' in clause;
}

/** Whether a clause (condition or nested filter) holds for the metadata. */
export function clauseHolds(clause: Condition | Filter, metadata: Metadata | null | undefined): boolean {
  if (isFilter(clause)) return matchesFilter(clause, metadata);
  return conditionHolds(clause, metadataValue(metadata, clause.key));
}

/**
 * Whether an event's metadata passes a meter filter: `and` needs every
 * clause, `or` any clause. No filter (null) admits every event.
 */
export function matchesFilter(filter: Filter | null | undefined, metadata: Metadata | null | undefined): boolean {
  if (!filter) return true;
  const clauses: (Condition | Filter)[] = filter.clauses;
  return filter.conjunction === 'or'
    ? clauses.some((c) => clauseHolds(c, metadata))
    : clauses.every((c) => clauseHolds(c, metadata));
}
