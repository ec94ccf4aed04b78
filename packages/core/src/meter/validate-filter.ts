import { METER_LIMITS, type MeterIssue } from './limits.js';
import { FILTER_OPERATORS, type FilterOperator } from './types.js';

const FILTER_FIELDS = new Set(['conjunction', 'clauses']);
const CONDITION_FIELDS = new Set(['key', 'operator', 'value']);
const NUMERIC_OPERATORS: ReadonlySet<string> = new Set(['greater_than', 'greater_than_or_equals', 'less_than', 'less_than_or_equals']);
const STRING_OPERATORS: ReadonlySet<string> = new Set(['contains', 'does_not_contain']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A clause is read as a nested filter when it has filter fields, else as a condition. */
export function isFilterLike(v: unknown): boolean {
  return isObject(v) && ('clauses' in v || 'conjunction' in v);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.slice(0, 40))}` : `${typeof v} ${String(v)}`;
}

function checkCondition(c: unknown, path: string, issues: MeterIssue[]): void {
  if (!isObject(c)) {
    issues.push({ field: path, message: 'must be a condition {key, operator, value} or a nested filter {conjunction, clauses}' });
    return;
  }
  for (const k of Object.keys(c)) {
    if (!CONDITION_FIELDS.has(k)) issues.push({ field: `${path}.${k}`, message: 'is not a condition field (key, operator, value)' });
  }
  const { key, operator, value } = c;
  if (typeof key !== 'string' || key.length === 0 || key.length > METER_LIMITS.keyMaxLength) {
    issues.push({ field: `${path}.key`, message: `must be a metadata key of 1 to ${METER_LIMITS.keyMaxLength} characters` });
  }
  const knownOperator = typeof operator === 'string' && (FILTER_OPERATORS as readonly string[]).includes(operator);
  if (!knownOperator) {
    issues.push({
      field: `${path}.operator`,
      message: `${operator === undefined ? 'is required' : `unknown operator ${JSON.stringify(operator)}`}; expected one of ${FILTER_OPERATORS.join(', ')}`,
    });
  }
  const field = `${path}.value`;
  if (typeof value === 'string') {
    if (value.length > METER_LIMITS.filterValueMaxLength) {
      issues.push({ field, message: `must be at most ${METER_LIMITS.filterValueMaxLength} characters` });
    }
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push({ field, message: 'must be a finite number' });
  } else if (typeof value !== 'boolean') {
    issues.push({ field, message: value === undefined ? 'is required' : `must be a string, number or boolean, got ${describeValue(value)}` });
    return;
  }
  // A filter that can never match is a mistake worth reporting now, not a silent zero later.
  if (knownOperator && NUMERIC_OPERATORS.has(operator as FilterOperator) && typeof value !== 'number') {
    issues.push({ field, message: `${operator} compares numbers, so the value must be a number, got ${describeValue(value)}` });
  }
  if (knownOperator && STRING_OPERATORS.has(operator as FilterOperator) && typeof value !== 'string') {
    issues.push({ field, message: `${operator} looks for a substring, so the value must be a string, got ${describeValue(value)}` });
  }
}

/**
 * Checks a filter at `path` (e.g. "filter") and nesting level `depth` (the
 * top-level filter is 1), pushing every problem found to `issues`.
 */
export function checkFilter(f: unknown, path: string, depth: number, issues: MeterIssue[]): void {
  if (!isObject(f)) {
    issues.push({ field: path, message: 'must be a filter object {conjunction, clauses}' });
    return;
  }
  if (depth > METER_LIMITS.maxFilterDepth) {
    issues.push({ field: path, message: `filters nest at most ${METER_LIMITS.maxFilterDepth} levels deep (the top-level filter is level 1); this is level ${depth}` });
    return;
  }
  for (const k of Object.keys(f)) {
    if (!FILTER_FIELDS.has(k)) issues.push({ field: `${path}.${k}`, message: 'is not a filter field (conjunction, clauses)' });
  }
  if (f.conjunction !== 'and' && f.conjunction !== 'or') {
    issues.push({ field: `${path}.conjunction`, message: `must be "and" or "or", got ${describeValue(f.conjunction)}` });
  }
  const clauses = f.clauses;
  if (!Array.isArray(clauses)) {
    issues.push({ field: `${path}.clauses`, message: `must be an array of conditions or of nested filters, got ${describeValue(clauses)}` });
    return;
  }
  if (clauses.length === 0) {
    issues.push({ field: `${path}.clauses`, message: 'must not be empty' });
    return;
  }
  if (clauses.length > METER_LIMITS.maxClausesPerFilter) {
    issues.push({ field: `${path}.clauses`, message: `must hold at most ${METER_LIMITS.maxClausesPerFilter} clauses, got ${clauses.length}` });
  }
  const nested = clauses.filter(isFilterLike).length;
  if (nested > 0 && nested < clauses.length) {
    issues.push({ field: `${path}.clauses`, message: 'must be all conditions or all nested filters, not a mix; wrap the conditions in a filter of their own' });
  }
  clauses.forEach((clause, i) => {
    const at = `${path}.clauses[${i}]`;
    if (isFilterLike(clause)) checkFilter(clause, at, depth + 1, issues);
    else checkCondition(clause, at, issues);
  });
}
