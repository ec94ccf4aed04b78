import { EVENT_LIMITS, type TimeWindow } from './limits.js';
import { parseTimestamp } from './timestamp.js';
import type { EventIssue, Metadata, ValidEvent } from './types.js';
import { checkMetadata } from './validate-metadata.js';

const KNOWN_FIELDS = new Set(['event_id', 'customer_id', 'event_name', 'timestamp', 'metadata']);

export interface ValidateContext {
  /** The clock to judge timestamps by, epoch ms. */
  now: number;
  /** The accepted window; omit to accept any valid timestamp (backfill). */
  window?: TimeWindow;
}

function checkId(value: unknown, field: string, max: number): string | undefined {
  if (typeof value !== 'string') return value === undefined ? 'is required' : 'must be a string';
  if (value.length === 0) return 'must not be empty';
  if (value.length > max) return `must be at most ${max} characters`;
  return undefined;
}

/**
 * Validates one wire event. Pushes every broken rule to `issues` and returns
 * the normalised event only when there were none.
 */
export function validateEvent(
  input: unknown,
  index: number,
  ctx: ValidateContext,
  issues: EventIssue[],
): ValidEvent | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    issues.push({ index, field: '', message: 'each event must be an object' });
    return undefined;
  }
  const e = input as Record<string, unknown>;
  const eventId = typeof e.event_id === 'string' ? e.event_id : undefined;
  const before = issues.length;
  const add = (field: string, message: string) =>
    issues.push(eventId === undefined ? { index, field, message } : { index, event_id: eventId, field, message });

  for (const key in e) {
    if (!KNOWN_FIELDS.has(key)) add(key, 'is not a known event field');
  }
  const idProblem = checkId(e.event_id, 'event_id', EVENT_LIMITS.idMaxLength);
  if (idProblem) add('event_id', idProblem);
  const customerProblem = checkId(e.customer_id, 'customer_id', EVENT_LIMITS.idMaxLength);
  if (customerProblem) add('customer_id', customerProblem);
  const nameProblem = checkId(e.event_name, 'event_name', EVENT_LIMITS.nameMaxLength);
  if (nameProblem) add('event_name', nameProblem);

  let timestamp = ctx.now;
  if (e.timestamp !== undefined && e.timestamp !== null) {
    const parsed = typeof e.timestamp === 'string' ? parseTimestamp(e.timestamp) : undefined;
    if (parsed === undefined) {
      add('timestamp', 'must be an RFC 3339 date-time, e.g. 2024-01-15T10:30:00Z');
    } else if (ctx.window && parsed < ctx.now - ctx.window.maxAgeMs) {
      add('timestamp', `is older than the accepted window of ${Math.round(ctx.window.maxAgeMs / 1000)} s`);
    } else if (ctx.window && parsed > ctx.now + ctx.window.maxFutureMs) {
      add('timestamp', `is more than ${Math.round(ctx.window.maxFutureMs / 1000)} s in the future`);
    } else {
      timestamp = parsed;
    }
  }

  const metadataProblem = checkMetadata(e.metadata);
  if (metadataProblem) add(metadataProblem.field, metadataProblem.message);

  if (issues.length !== before) return undefined;
  return {
    eventId: e.event_id as string,
    customerId: e.customer_id as string,
    eventName: e.event_name as string,
    timestamp,
    metadata: (e.metadata as Metadata | null | undefined) ?? null,
  };
}
