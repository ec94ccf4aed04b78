/**
 * The shapes every part of the SDK shares. Blueprints code against these, so
 * they change only with care.
 */

/** One usage event as an app describes it (camelCase, as upstream). */
export interface TrackEvent {
  customerId: string;
  /** Fixed before the first send when omitted, so retries never double-count. */
  eventId?: string;
  /** Defaults to the Ingestion's `eventName`. */
  eventName?: string;
  /** A Date, an RFC 3339 string or epoch milliseconds; omitted = now. */
  timestamp?: Date | string | number;
  metadata?: Record<string, string | number | boolean>;
}

/** Anything that records usage: Ingestion (sends now, with retries) and Batch (enqueues). */
export interface UsageRecorder {
  track(event: TrackEvent): Promise<void>;
}
