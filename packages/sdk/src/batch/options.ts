import { EVENT_LIMITS } from '@tally/core';
import { ConfigurationError } from '../client/errors.js';
import type { BatchHooks } from './hooks.js';

export interface CreateBatchOptions extends BatchHooks {
  /** Events per HTTP request, and the queue length that triggers a flush. Default 100, at most 1000. */
  maxSize?: number;
  /** Longest time (ms) the oldest unsent event waits before a flush. Default 5000. Not a debounce. */
  flushInterval?: number;
  /** Requests in flight at once. Default 2. */
  maxConcurrentFlushes?: number;
  /** Events held (waiting and in flight) before the `onFull` policy applies. Default 10 000. */
  maxQueueSize?: number;
  /**
   * When the queue is full: 'reject' (default) refuses the new event — add()
   * returns false, track() rejects with QueueFullError — counts it in
   * `dropped` and calls onDrop. 'wait' makes track() wait for room; add(),
   * which cannot wait, still refuses.
   */
  onFull?: 'reject' | 'wait';
  /** A directory for the durable spool; events survive a crash and are sent on the next start. */
  spoolDir?: string;
  /**
   * Deliver from a worker thread (Node only): each event's JSON, the HTTP
   * requests, retries and the spool run there, off the thread that answers
   * your requests, which then only hands events over in bulk. For gateways
   * and other hot paths. Hooks still run on your thread. The Ingestion must
   * not have a custom `fetch` (a function cannot cross threads). Default false.
   */
  thread?: boolean;
  /** Default deadline for cleanup(), ms. Default 10 000. */
  cleanupTimeoutMs?: number;
  /** First wait after a flush failed past the client's retries; doubles up to 60 s. Default 1000. */
  requeueDelayMs?: number;
}

export interface ResolvedBatchOptions {
  chunkSize: number;
  flushInterval: number;
  maxConcurrent: number;
  maxQueueSize: number;
  onFull: 'reject' | 'wait';
  spoolDir: string | undefined;
  cleanupTimeoutMs: number;
  requeueDelayMs: number;
}

function positive(value: number | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) throw new ConfigurationError(`${name} must be a number ≥ ${min}, got ${value}`);
  return Math.floor(value);
}

export function resolveBatchOptions(o: CreateBatchOptions): ResolvedBatchOptions {
  const chunkSize = Math.min(positive(o.maxSize, 100, 'maxSize'), EVENT_LIMITS.maxEventsPerRequest);
  const maxQueueSize = positive(o.maxQueueSize, Math.max(10_000, chunkSize), 'maxQueueSize');
  if (maxQueueSize < chunkSize) throw new ConfigurationError(`maxQueueSize (${maxQueueSize}) must be ≥ maxSize (${chunkSize})`);
  if (o.onFull !== undefined && o.onFull !== 'reject' && o.onFull !== 'wait') {
    throw new ConfigurationError(`onFull must be 'reject' or 'wait', got ${JSON.stringify(o.onFull)}`);
  }
  return {
    chunkSize,
    flushInterval: positive(o.flushInterval, 5000, 'flushInterval', 0),
    maxConcurrent: positive(o.maxConcurrentFlushes, 2, 'maxConcurrentFlushes'),
    maxQueueSize,
    onFull: o.onFull ?? 'reject',
    spoolDir: o.spoolDir,
    cleanupTimeoutMs: positive(o.cleanupTimeoutMs, 10_000, 'cleanupTimeoutMs', 0),
    requeueDelayMs: positive(o.requeueDelayMs, 1000, 'requeueDelayMs', 0),
  };
}
