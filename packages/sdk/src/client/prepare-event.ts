import { validateEvent, type EventIssue, type TimeWindow } from '@tally/core';
import type { TrackEvent } from '../types.js';
import { ValidationError } from './errors.js';
import { randomEventId } from './event-id.js';
import type { WireEvent } from './wire-event.js';

export interface PrepareContext {
  eventName: string | undefined;
  timeWindow: TimeWindow | undefined;
  now: number;
}

function toTimestamp(value: TrackEvent['timestamp'], now: number): string | undefined {
  if (value === undefined) return new Date(now).toISOString();
  if (typeof value === 'string') return value;
  const ms = value instanceof Date ? value.getTime() : value;
  // An invalid Date or NaN is sent on as text so the shared rules name it.
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(value);
}

/**
 * Turns an app's event into the wire form. The ID and timestamp are fixed
 * here, once: a queued or retried event keeps the time it happened and the ID
 * the server deduplicates by.
 */
export function buildWireEvent(event: TrackEvent, ctx: PrepareContext): WireEvent {
  const wire: WireEvent = {
    event_id: event.eventId ?? randomEventId(),
    customer_id: event.customerId,
    event_name: (event.eventName ?? ctx.eventName) as string,
    timestamp: toTimestamp(event.timestamp, ctx.now),
  };
  if (event.metadata !== undefined) wire.metadata = event.metadata;
  return wire;
}

/** buildWireEvent, then the server's own rules; issues are pushed to `issues`. */
export function toWireEvent(event: TrackEvent, ctx: PrepareContext, index = 0, issues: EventIssue[] = []): WireEvent | undefined {
  const wire = buildWireEvent(event, ctx);
  const ok = validateEvent(wire, index, { now: ctx.now, window: ctx.timeWindow }, issues);
  return ok ? wire : undefined;
}

export function describeIssues(issues: EventIssue[]): string {
  return issues.map((i) => `event ${i.index}: ${i.field || 'event'} ${i.message}`).join('; ');
}

/** Prepares one event or throws a ValidationError naming every broken rule. */
export function prepareEvent(event: TrackEvent, ctx: PrepareContext): WireEvent {
  const issues: EventIssue[] = [];
  const wire = toWireEvent(event, ctx, 0, issues);
  if (!wire) throw new ValidationError(`Invalid event: ${describeIssues(issues)}`, issues);
  return wire;
}
