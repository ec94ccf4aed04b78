import type { IngestionConfig } from '../../client/config.js';
import type { WireEvent } from '../../client/wire-event.js';
import type { RecordedCall } from '../../api-call/call-facts.js';
import { ADD_CALL, type CallAdder } from '../doors.js';
import type { CleanupResult } from '../batch-types.js';
import type { BatchHooks } from '../hooks.js';
import type { CreateBatchOptions } from '../options.js';
import type { BatchStats } from '../stats.js';
import type { PortableError } from './portable-error.js';

/** What the worker starts from: everything but functions, which cannot cross threads. */
export interface WorkerInit {
  config: Omit<IngestionConfig, 'fetch' | 'onRetry'>;
  options: Omit<CreateBatchOptions, keyof BatchHooks>;
}

/**
 * Events in arrival order within each list. `calls` is flat, CALL_SLOTS
 * values per event (pushCall): the API-call middleware's events, as plain
 * values rather than an object each, which the worker turns into events
 * with an ID and a timestamp.
 */
export interface EventsMessage {
  t: 'events';
  seq: number;
  /** When its first event arrived (epoch ms): flushInterval runs from then, not from the hand-over. */
  at: number;
  wires: WireEvent[];
  /** Per wire: the ID was generated here, so it cannot repeat another. */
  own: boolean[];
  calls: CallSlot[];
}

type CallSlot = string | number | boolean | undefined;

export const CALL_SLOTS = 10;

/** Appends one API call's event to `calls`, as CALL_SLOTS values. */
export function pushCall(calls: CallSlot[], customerId: string, eventName: string | undefined, at: number, call: RecordedCall, responseTimeMs: number): void {
  calls.push(customerId, eventName, at, responseTimeMs, call.endpoint, call.method, call.statusCode, call.requestBytes, call.responseBytes, call.aborted);
}

/** Hands the API call at `i` (a multiple of CALL_SLOTS) to `batch`'s door, as pushCall had it. */
export function addCallAt(batch: CallAdder, calls: CallSlot[], i: number): void {
  const call: RecordedCall = {
    endpoint: calls[i + 4] as string,
    method: calls[i + 5] as string,
    statusCode: calls[i + 6] as number,
    requestBytes: calls[i + 7] as number | undefined,
    responseBytes: calls[i + 8] as number | undefined,
    aborted: calls[i + 9] as boolean | undefined,
  };
  batch[ADD_CALL](calls[i] as string, calls[i + 1] as string | undefined, call, calls[i + 3] as number, calls[i + 2] as number);
}

export type ToWorker =
  | EventsMessage
  | { t: 'flush'; id: number }
  | { t: 'cleanup'; id: number; timeoutMs: number | undefined };

/** The worker's batch as it stands: its stats, and how many events it has taken in. */
export interface WorkerState {
  stats: BatchStats;
  received: number;
}

/** A hook fired in the worker. */
export type HookCall = { [K in keyof BatchHooks]-?: { name: K; args: unknown[] } }[keyof BatchHooks];

export type FromWorker =
  | { t: 'ready'; state: WorkerState }
  | { t: 'queued'; seq: number; error?: PortableError; state: WorkerState }
  | { t: 'done'; id: number; error?: PortableError; result?: CleanupResult; state: WorkerState }
  /** Hooks fired in one turn of the worker's loop, then the state the delivery left once settled. */
  | { t: 'hooks'; calls: HookCall[]; state: WorkerState };
