import type { UsageRecorder } from '../../types.js';
import type { Metadata } from '../shared/types.js';

export interface TrackTimeRangeOptions {
  customerId: string;
  /** Duration in milliseconds. */
  durationMs?: number;
  /** Duration in seconds. */
  durationSeconds?: number;
  /** Duration in minutes. */
  durationMinutes?: number;
  /** With `endTime`, the range measured: durationMs = endTime - startTime. */
  startTime?: Date | number;
  /** Also the event's timestamp when given. */
  endTime?: Date | number;
  eventName?: string;
  eventId?: string;
  metadata?: Metadata;
}

const ms = (t: Date | number) => (t instanceof Date ? t.getTime() : t);

function durationFrom(options: TrackTimeRangeOptions): Metadata {
  const { durationMs, durationSeconds, durationMinutes, startTime, endTime } = options;
  if ((startTime === undefined) !== (endTime === undefined)) {
    throw new TypeError('trackTimeRange: startTime and endTime go together');
  }
  const fromRange = startTime !== undefined && endTime !== undefined ? ms(endTime) - ms(startTime) : undefined;
  if (fromRange !== undefined && durationMs !== undefined) {
    throw new TypeError('trackTimeRange: give durationMs or startTime/endTime, not both');
  }
  const out: Metadata = {};
  const millis = fromRange ?? durationMs;
  for (const [key, value] of [['durationMs', millis], ['durationSeconds', durationSeconds], ['durationMinutes', durationMinutes]] as const) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`trackTimeRange: ${key} must be a finite number ≥ 0, got ${value}`);
    out[key] = value;
  }
  return out;
}

/**
 * Records time-based usage (runtime, session length). As upstream, the given
 * duration fields become metadata keys of the same name; a start/end pair
 * becomes `durationMs`. Awaits the recorder and lets its errors through.
 */
export async function trackTimeRange(recorder: UsageRecorder, options: TrackTimeRangeOptions): Promise<void> {
  const duration = durationFrom(options);
  await recorder.track({
    customerId: options.customerId,
    eventName: options.eventName,
    eventId: options.eventId,
    timestamp: options.endTime,
    metadata: { ...options.metadata, ...duration },
  });
}
