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

// The clock as RFC 3339 (what toISOString gives). A busy app stamps many
// events per millisecond, and toISOString() per event shows in profiles: the
// last string is reused within its millisecond, and the part up to the seconds
// is made once per second.
const MILLIS = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(3, '0')}Z`);
let second = Number.NaN;
let upToSeconds = '';
let lastMs = Number.NaN;
let lastIso = '';
export function isoAt(clock: number): string {
  const ms = Math.floor(clock);
  if (ms === lastMs) return lastIso;
  const s = Math.floor(ms / 1000);
  if (s !== second) {
    upToSeconds = new Date(s * 1000).toISOString().slice(0, 20);
    second = s;
  }
  lastMs = ms;
  lastIso = upToSeconds + MILLIS[ms - s * 1000]!;
  return lastIso;
}

function toTimestamp(value: TrackEvent['timestamp'], now: number): string {
  if (value === undefined) return isoAt(now);
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
  return wireOf(event, ctx, toTimestamp(event.timestamp, ctx.now));
}

function wireOf(event: TrackEvent, ctx: PrepareContext, timestamp: string | undefined): WireEvent {
  const wire: WireEvent = {
    event_id: event.eventId ?? randomEventId(),
    customer_id: event.customerId,
    event_name: (event.eventName ?? ctx.eventName) as string,
    timestamp,
  };
  if (event.metadata !== undefined) wire.metadata = event.metadata;
  return wire;
}

/** buildWireEvent, then the server's own rules; issues are pushed to `issues`. */
export function toWireEvent(event: TrackEvent, ctx: PrepareContext, index = 0, issues: EventIssue[] = []): WireEvent | undefined {
  // A timestamp made here from the clock is well formed and inside the window
  // by construction, so it is set after the rules ran: only an app's own is parsed.
  const fromClock = event.timestamp === undefined;
  const wire = wireOf(event, ctx, fromClock ? undefined : toTimestamp(event.timestamp, ctx.now));
  if (!validateEvent(wire, index, { now: ctx.now, window: ctx.timeWindow }, issues)) return undefined;
  if (fromClock) wire.timestamp = isoAt(ctx.now);
  return wire;
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

/** The app's view of a wire event (what onDrop reports), its ID and timestamp as fixed. */
export function trackEventOf(wire: WireEvent): TrackEvent {
  const event: TrackEvent = { customerId: wire.customer_id, eventId: wire.event_id, eventName: wire.event_name };
  if (wire.timestamp !== undefined) event.timestamp = wire.timestamp;
  if (wire.metadata !== undefined) event.metadata = wire.metadata;
  return event;
}
