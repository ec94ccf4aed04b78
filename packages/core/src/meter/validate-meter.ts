import { METER_LIMITS, type MeterIssue } from './limits.js';
import { checkFilter } from './validate-filter.js';
import { AGGREGATION_TYPES, type AggregationType, type Filter } from './types.js';

const METER_FIELDS = new Set(['name', 'event_name', 'aggregation', 'measurement_unit', 'description', 'filter']);
const AGGREGATION_FIELDS = new Set(['type', 'key']);

/** A meter body that passed every rule, with optional fields made explicit. */
export interface ValidMeterInput {
  name: string;
  event_name: string;
  aggregation: { type: AggregationType; key: string | null };
  measurement_unit: string;
  description: string | null;
  filter: Filter | null;
}

export type MeterValidation = { ok: true; value: ValidMeterInput } | { ok: false; issues: MeterIssue[] };

function checkText(value: unknown, field: string, max: number, issues: MeterIssue[]): void {
  if (typeof value !== 'string') {
    issues.push({ field, message: value === undefined || value === null ? 'is required' : `must be a string, got ${typeof value}` });
  } else if (value.trim().length === 0) {
    issues.push({ field, message: 'must not be empty' });
  } else if (value.length > max) {
    issues.push({ field, message: `must be at most ${max} characters, got ${value.length}` });
  }
}

function checkAggregation(a: unknown, issues: MeterIssue[]): void {
  if (a === null || typeof a !== 'object' || Array.isArray(a)) {
    issues.push({ field: 'aggregation', message: a === undefined ? 'is required' : 'must be an object {type, key}' });
    return;
  }
  const { type, key } = a as Record<string, unknown>;
  for (const k of Object.keys(a)) {
    if (!AGGREGATION_FIELDS.has(k)) issues.push({ field: `aggregation.${k}`, message: 'is not an aggregation field (type, key)' });
  }
  const known = (AGGREGATION_TYPES as readonly unknown[]).includes(type);
  if (!known) {
    issues.push({
      field: 'aggregation.type',
      message: `${type === undefined ? 'is required' : `unknown aggregation type ${JSON.stringify(type)}`}; expected one of ${AGGREGATION_TYPES.join(', ')}`,
    });
  }
  if (key === undefined || key === null || key === '') {
    if (known && type !== 'count') {
      issues.push({ field: 'aggregation.key', message: `is required for a ${String(type)} aggregation: name the metadata key to aggregate` });
    }
  } else if (typeof key !== 'string' || key.length > METER_LIMITS.keyMaxLength) {
    issues.push({ field: 'aggregation.key', message: `must be a metadata key of 1 to ${METER_LIMITS.keyMaxLength} characters` });
  }
}

/**
 * Validates a `POST /meters` body. Reports every problem, each with a path-like
 * field (e.g. `filter.clauses[1].clauses[0].operator`), so one 400 says all.
 */
export function validateMeterInput(body: unknown): MeterValidation {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, issues: [{ field: '', message: 'the body must be a meter object' }] };
  }
  const b = body as Record<string, unknown>;
  const issues: MeterIssue[] = [];
  for (const k of Object.keys(b)) {
    if (!METER_FIELDS.has(k)) issues.push({ field: k, message: 'is not a meter field' });
  }
  checkText(b.name, 'name', METER_LIMITS.nameMaxLength, issues);
  checkText(b.event_name, 'event_name', METER_LIMITS.eventNameMaxLength, issues);
  checkText(b.measurement_unit, 'measurement_unit', METER_LIMITS.measurementUnitMaxLength, issues);
  if (b.description !== undefined && b.description !== null) {
    if (typeof b.description !== 'string') issues.push({ field: 'description', message: 'must be a string or null' });
    else if (b.description.length > METER_LIMITS.descriptionMaxLength) {
      issues.push({ field: 'description', message: `must be at most ${METER_LIMITS.descriptionMaxLength} characters` });
    }
  }
  checkAggregation(b.aggregation, issues);
  if (b.filter !== undefined && b.filter !== null) checkFilter(b.filter, 'filter', 1, issues);
  if (issues.length > 0) return { ok: false, issues };

  const aggregation = b.aggregation as { type: AggregationType; key?: string | null };
  return {
    ok: true,
    value: {
      name: b.name as string,
      event_name: b.event_name as string,
      aggregation: { type: aggregation.type, key: aggregation.key || null },
      measurement_unit: b.measurement_unit as string,
      description: (b.description as string | null | undefined) ?? null,
      filter: (b.filter as Filter | null | undefined) ?? null,
    },
  };
}
