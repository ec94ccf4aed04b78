import type { UsageRecorder } from '../../types.js';
import { report, warnOnError } from '../shared/report.js';
import type { Metadata, TrackErrorHandler } from '../shared/types.js';
import { now, roundMs } from './timer.js';

export interface MeasureOptions {
  customerId: string;
  eventName?: string;
  metadata?: Metadata;
  /** Where recording failures go; they never change `fn`'s outcome. Default: console.warn. */
  onError?: TrackErrorHandler;
}

/**
 * Runs `fn`, records how long it took (`durationMs`, plus `error: true|false`
 * so a meter can filter failed runs) and returns or rethrows what `fn` did.
 * The record is handed to the recorder without waiting for it: pair this with
 * a Batch (and its cleanup()) when the event must survive a crash.
 */
export async function measure<T>(recorder: UsageRecorder, options: MeasureOptions, fn: () => T | Promise<T>): Promise<T> {
  const start = now();
  let failed = false;
  try {
    return await fn();
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    const durationMs = roundMs(now() - start);
    void report(
      recorder,
      {
        customerId: options.customerId,
        eventName: options.eventName,
        timestamp: new Date(),
        metadata: { ...options.metadata, durationMs, error: failed },
      },
      options.onError ?? warnOnError,
    );
  }
}
