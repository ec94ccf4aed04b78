import { EVENT_LIMITS } from '@tally/core';
import type { RecordedCall } from '../api-call/call-facts.js';
import type { WireEvent } from '../client/wire-event.js';

/**
 * The batch's door for the API-call middleware's events, whose metadata it
 * builds from the call's facts (callMetadata), once the caller has checked
 * them (callMetadataFits): the batch then checks only the customer ID and the
 * event name. No metadata object is made on the way in: a threaded batch hands
 * the facts to its worker as plain values, which cost far less to pass
 * between threads than an object per event, and the worker builds the event.
 * Internal and undocumented: apps' events go through add() and every rule.
 * A registered symbol, so that the middleware finds it on a batch from another
 * copy of the SDK (its ESM and CommonJS builds loaded side by side).
 */
export const ADD_CALL = Symbol.for('tally.batch.addCall.v1');

export interface CallAdder {
  /**
   * Queues the event of one API call like add(). `call` must pass
   * callMetadataFits(call, responseTimeMs) already; the customer ID and event
   * name are checked here, and an event that fails them goes through add() to
   * be refused with its reasons. `at`: when it happened (epoch ms), if not now.
   */
  [ADD_CALL](customerId: string, eventName: string | undefined, call: RecordedCall, responseTimeMs: number, at?: number): boolean;
}

const fits = (s: string | undefined, max: number): s is string => typeof s === 'string' && s.length > 0 && s.length <= max;

/**
 * What the door still checks: the event name to send (the given one, else the
 * batch's), or undefined when the customer ID or the name breaks a rule and
 * add() must take the event, to refuse it with its reasons.
 */
export function checkedName(customerId: string, eventName: string | undefined, fallback: string | undefined): string | undefined {
  const name = eventName ?? fallback;
  return fits(customerId, EVENT_LIMITS.idMaxLength) && fits(name, EVENT_LIMITS.nameMaxLength) ? name : undefined;
}

export function takesCalls(recorder: unknown): recorder is CallAdder {
  return typeof (recorder as Partial<CallAdder>)[ADD_CALL] === 'function';
}

/**
 * The worker side of a threaded batch: wire events the main thread already
 * validated and fixed (ID, timestamp), queued without a second check.
 * Returns false when refused (queue full, batch closed: counted and reported
 * as drops), else the spool write when there is a spool. `at`: when the
 * events arrived on the app's side (epoch ms), the start of their flushInterval.
 */
export const ADD_PREPARED = Symbol.for('tally.batch.addPrepared.v1');

export interface PreparedAdder {
  [ADD_PREPARED](wire: WireEvent, ownId: boolean, at: number): false | Promise<void> | undefined;
}
