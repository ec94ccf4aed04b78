import type { IngestionConfig } from '../../client/config.js';
import type { WireEvent } from '../../client/wire-event.js';
import type { Metadata } from '../../blueprints/shared/types.js';
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
 * Events in arrival order within each list. `checked` is flat, four slots per
 * event (customer ID, event name or undefined, epoch ms, metadata): the
 * API-call middleware's events, which the worker gives an ID and timestamp.
 */
export interface EventsMessage {
  t: 'events';
  seq: number;
  /** When its first event arrived (epoch ms): flushInterval runs from then, not from the hand-over. */
  at: number;
  wires: WireEvent[];
  /** Per wire: the ID was generated here, so it cannot repeat another. */
  own: boolean[];
  checked: Array<string | number | undefined | Metadata>;
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
