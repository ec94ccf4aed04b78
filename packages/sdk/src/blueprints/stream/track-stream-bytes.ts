import type { UsageRecorder } from '../../types.js';
import type { Metadata } from '../shared/types.js';

export interface TrackStreamBytesOptions {
  customerId: string;
  /** Bytes consumed (sent, received, streamed). */
  bytes?: number;
  eventName?: string;
  eventId?: string;
  timestamp?: Date | string | number;
  metadata?: Metadata;
}

/**
 * Records bytes streamed, as upstream: `bytes` becomes the metadata key of the
 * same name (written last, so metadata cannot override it). Awaits the
 * recorder and lets its errors through.
 */
export async function trackStreamBytes(recorder: UsageRecorder, options: TrackStreamBytesOptions): Promise<void> {
  const { bytes } = options;
  if (bytes !== undefined && (!Number.isSafeInteger(bytes) || bytes < 0)) {
    throw new RangeError(`trackStreamBytes: bytes must be a whole number ≥ 0, got ${bytes}`);
  }
  await recorder.track({
    customerId: options.customerId,
    eventName: options.eventName,
    eventId: options.eventId,
    timestamp: options.timestamp,
    metadata: bytes === undefined ? { ...options.metadata } : { ...options.metadata, bytes },
  });
}
