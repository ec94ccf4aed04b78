import type { UsageRecorder } from '../types.js';

export interface TrackAPICallOptions {
  /** The customer billed for the call. */
  customerId: string;
  /** E.g. endpoint, method, status_code, response_time_ms. */
  metadata?: Record<string, string | number | boolean>;
  /** Fixed ID for an idempotent call site; a random one otherwise. */
  eventId?: string;
  /** Overrides the recorder's default event name. */
  eventName?: string;
  timestamp?: Date | string | number;
}

/**
 * Records one API call. Takes an Ingestion (sends now, with retries) or a
 * batch from createBatch (queues it) — anything with track().
 */
export async function trackAPICall(recorder: UsageRecorder, options: TrackAPICallOptions): Promise<void> {
  await recorder.track(options);
}
