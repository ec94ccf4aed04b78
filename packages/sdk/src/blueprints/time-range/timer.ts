import type { UsageRecorder } from '../../types.js';
import type { Metadata } from '../shared/types.js';

export interface TimerOptions {
  customerId: string;
  eventName?: string;
  metadata?: Metadata;
}

export interface TimerResult {
  durationMs: number;
  startedAt: Date;
  endedAt: Date;
}

export interface Timer {
  /** Milliseconds since start, without stopping. */
  elapsedMs(): number;
  /** Stops and records once; later calls return the first result and record nothing. */
  stop(metadata?: Metadata): Promise<TimerResult>;
}

/** Sub-millisecond, monotonic: wall-clock jumps (NTP) never skew a duration. */
export const now = (): number => performance.now();

/** Rounded to microseconds: finer digits are noise and bloat the event. */
export const roundMs = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Starts a high-resolution timer; `stop()` records `durationMs` for the
 * customer (the event's timestamp is the stop time).
 */
export function startTimer(recorder: UsageRecorder, options: TimerOptions): Timer {
  const startedAt = new Date();
  const start = now();
  let result: Promise<TimerResult> | undefined;
  return {
    elapsedMs: () => roundMs(now() - start),
    stop(metadata) {
      if (result) return result;
      const durationMs = roundMs(now() - start);
      const endedAt = new Date();
      result = recorder
        .track({
          customerId: options.customerId,
          eventName: options.eventName,
          timestamp: endedAt,
          metadata: { ...options.metadata, ...metadata, durationMs },
        })
        .then(() => ({ durationMs, startedAt, endedAt }));
      return result;
    },
  };
}
