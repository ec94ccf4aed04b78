import type { Metadata, MetadataValue } from '../event/types.js';
import { clauseHolds, metadataValue } from './filter-match.js';
import { isNumericString } from './numeric-string.js';
import type { Condition, Filter, FilterOperator } from './types.js';

/** Why one condition of a filter is false for an event. */
export interface ClauseFailure {
  /** Where the condition sits, e.g. "filter.clauses[1].clauses[0]". */
  path: string;
  condition: Condition;
  /** True when the event has no such metadata key. */
  missing: boolean;
  /** The event's value at the key; null when missing. */
  actual: MetadataValue | null;
  /**
   * missing_key: the event lacks the key. not_numeric_string: a number was
   * needed and the event sent a numeric string like "150". type_mismatch:
   * the value's type cannot satisfy the operator. condition_false: right type,
   * wrong value.
   */
  code: 'missing_key' | 'not_numeric_string' | 'type_mismatch' | 'condition_false';
  message: string;
}

const WORDS: Record<FilterOperator, string> = {
  equals: 'equal',
  not_equals: 'differ from',
  greater_than: 'be greater than',
  greater_than_or_equals: 'be at least',
  less_than: 'be less than',
  less_than_or_equals: 'be at most',
  contains: 'contain',
  does_not_contain: 'not contain',
};

const show = (v: MetadataValue) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function neededType(c: Condition): 'number' | 'string' | null {
  if (c.operator === 'contains' || c.operator === 'does_not_contain') return 'string';
  if (c.operator === 'equals' || c.operator === 'not_equals') return null;
  return 'number';
}

function failure(condition: Condition, actual: MetadataValue | undefined, path: string): ClauseFailure {
  const { key } = condition;
  const wanted = `metadata.${key} must ${WORDS[condition.operator] ?? condition.operator} ${show(condition.value)}`;
  if (actual === undefined) {
    return { path, condition, missing: true, actual: null, code: 'missing_key', message: `${wanted}, but the event has no "${key}" key` };
  }
  const base = { path, condition, missing: false, actual };
  const needed = neededType(condition) ?? typeof condition.value;
  if (needed === 'number' && isNumericString(actual)) {
    return { ...base, code: 'not_numeric_string', message: `${wanted}, but the event sent the string ${show(actual)}; send the number ${actual.trim()} instead` };
  }
  if (typeof actual !== needed) {
    return { ...base, code: 'type_mismatch', message: `${wanted}, but the event sent ${typeof actual} ${show(actual)}, not a ${needed}` };
  }
  return { ...base, code: 'condition_false', message: `${wanted}, but it is ${show(actual)}` };
}

/**
 * The conditions that make `filter` false for this metadata, each with its
 * path and the event's actual value; empty when the filter matches. For a
 * false `and`, the false clauses are listed; for a false `or`, all of them
 * are (each had to hold for the event to count). Nested filters are
 * explained down to their conditions.
 */
export function explainFilter(filter: Filter | null | undefined, metadata: Metadata | null | undefined, path = 'filter'): ClauseFailure[] {
  if (!filter) return [];
  const clauses: (Condition | Filter)[] = filter.clauses;
  const failing = clauses.map((c, i) => [c, i] as const).filter(([c]) => !clauseHolds(c, metadata));
  const matched = filter.conjunction === 'or' ? failing.length < clauses.length : failing.length === 0;
  if (matched) return [];
  return failing.flatMap(([c, i]) => {
    const at = `${path}.clauses[${i}]`;
    return 'clauses' in c ? explainFilter(c, metadata, at) : [failure(c, metadataValue(metadata, c.key), at)];
  });
}
