import { formatTimestamp } from '../event/timestamp.js';
import type { MetadataValue, ValidEvent } from '../event/types.js';
import { eventContribution } from './contribution.js';
import { explainFilter, type ClauseFailure } from './explain-filter.js';
import type { Condition, MeterDefinition } from './types.js';

export interface ExplainContext {
  /** Whether a customer with the event's customer_id or external_id exists. */
  customerKnown: boolean;
  /** Whether the meter is archived. */
  archived: boolean;
  /** The period asked about, [start, end) epoch ms; omit to ignore time. */
  period?: { start: number; end: number } | null;
}

/** One reason an event does not count; snake_case details, ready for JSON. */
export type ExplainReason =
  | { code: 'event_name_mismatch'; message: string; expected: string; actual: string; case_only: boolean }
  | { code: 'unknown_customer'; message: string }
  | {
      code: 'filter_clause_false';
      message: string;
      path: string;
      condition: Condition;
      actual: MetadataValue | null;
      missing: boolean;
      cause: ClauseFailure['code'];
    }
  | { code: 'missing_key' | 'not_numeric_string' | 'not_numeric'; message: string; key: string | null; actual: MetadataValue | null }
  | { code: 'outside_period'; message: string; timestamp: string; period_start: string; period_end: string }
  | { code: 'meter_archived'; message: string };

export interface EventExplanation {
  counts: boolean;
  reasons: ExplainReason[];
}

function valueReason(reason: 'missing_key' | 'not_numeric_string' | 'not_numeric', type: string, key: string | null, actual: MetadataValue | null): string {
  if (key === null) return `the ${type} aggregation names no metadata key`;
  if (reason === 'missing_key') return `the meter's ${type} reads metadata.${key}, but the event has no "${key}" key`;
  if (reason === 'not_numeric_string') {
    return `metadata.${key} is the string ${JSON.stringify(actual)}, and ${type} needs a number: send ${String(actual).trim()}, not ${JSON.stringify(actual)}`;
  }
  return `metadata.${key} is ${typeof actual} ${JSON.stringify(actual)}, and ${type} needs a number`;
}

/**
 * Whether an event counts toward a meter and, if not, EVERY reason why — not
 * just the first — so one call answers "why is my event not counted".
 */
export function explainEvent(
  event: Pick<ValidEvent, 'eventName' | 'timestamp' | 'metadata'>,
  meter: MeterDefinition,
  ctx: ExplainContext,
): EventExplanation {
  const reasons: ExplainReason[] = [];
  if (event.eventName !== meter.event_name) {
    const caseOnly = event.eventName.toLowerCase() === meter.event_name.toLowerCase();
    reasons.push({
      code: 'event_name_mismatch',
      message: `the event is named ${JSON.stringify(event.eventName)} but the meter counts ${JSON.stringify(meter.event_name)}`
        + (caseOnly ? ' (only the letter case differs; event names are case-sensitive)' : ''),
      expected: meter.event_name,
      actual: event.eventName,
      case_only: caseOnly,
    });
  }
  if (!ctx.customerKnown) {
    reasons.push({
      code: 'unknown_customer',
      message: 'no customer has this customer_id or external_id yet; the event is kept and will count once that customer exists',
    });
  }
  for (const f of explainFilter(meter.filter, event.metadata)) {
    reasons.push({ code: 'filter_clause_false', message: f.message, path: f.path, condition: f.condition, actual: f.actual, missing: f.missing, cause: f.code });
  }
  const contribution = eventContribution(meter.aggregation, event.metadata);
  if (!contribution.counts) {
    const { reason, key, actual } = contribution;
    reasons.push({ code: reason, message: valueReason(reason, meter.aggregation.type, key, actual), key, actual });
  }
  const period = ctx.period;
  if (period && (event.timestamp < period.start || event.timestamp >= period.end)) {
    const [timestamp, start, end] = [event.timestamp, period.start, period.end].map(formatTimestamp) as [string, string, string];
    reasons.push({
      code: 'outside_period',
      message: `the event's timestamp ${timestamp} is ${event.timestamp < period.start ? 'before' : 'at or after the end of'} the period [${start}, ${end})`,
      timestamp,
      period_start: start,
      period_end: end,
    });
  }
  if (ctx.archived) reasons.push({ code: 'meter_archived', message: 'the meter is archived, and archived meters count no events' });
  return { counts: reasons.length === 0, reasons };
}
