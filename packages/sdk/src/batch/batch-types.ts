import { TallyError } from '../client/errors.js';
import type { TrackEvent, UsageRecorder } from '../types.js';
import type { HookFor, HookName } from './hooks.js';
import type { BatchStats } from './stats.js';

/** track() on a full queue under the 'reject' policy, or on a closed batch. */
export class QueueFullError extends TallyError {
  override name = 'QueueFullError';
}

export interface CleanupResult {
  /** True when every event was acknowledged or dead-lettered before the deadline. */
  delivered: boolean;
  /** Events not delivered: kept in the spool, or (without one) dead-lettered. */
  remaining: number;
}

export interface Batch extends UsageRecorder {
  /** Queues an event; false when it was refused (see onFull, onDeadLetter). Never throws for bad input. */
  add(event: TrackEvent): boolean;
  /** Queues an event; resolves once it is queued (and on disk, with a spool). Rejects on bad input or a full queue. */
  track(event: TrackEvent): Promise<void>;
  /** Sends everything queued so far; rejects if a transient failure outlasted the retries (the events stay queued). */
  flush(): Promise<void>;
  /** Flushes within a deadline, then closes the batch and its spool. */
  cleanup(options?: { timeoutMs?: number }): Promise<CleanupResult>;
  stats(): BatchStats;
  on<N extends HookName>(name: N, fn: HookFor<N>): () => void;
  /** Resolves once the spool (if any) is open and its events are queued. */
  readonly ready: Promise<void>;
}
