import type { Metadata } from '../shared/types.js';
import { usageMiddleware, type UsageMiddleware } from './middleware.js';
import { LLMTracker, type TrackingConfig } from './tracker.js';
import { wrapLLMClient } from './wrapper.js';

export interface LLMTrackerHandle {
  /** The client, of the same type, with its LLM calls tracked for `customerId`. */
  wrap<T>(args: { client: T; customerId: string; metadata?: Metadata }): T;
  /** Manual tracking of a response (or bare usage object); awaits the recorder. */
  track(response: unknown, customerId: string, metadata?: Metadata): Promise<void>;
  /** AI SDK middleware for `wrapLanguageModel({ model, middleware })`. */
  middleware(args: { customerId: string; metadata?: Metadata }): UsageMiddleware;
  /** Waits until automatic reports started so far were handed to the recorder. */
  flush(): Promise<void>;
  healthCheck(): Promise<boolean>;
  readonly tracker: LLMTracker;
}

/**
 * Creates a tracker, once, to wrap clients for many customers. Give it a
 * `recorder` (an Ingestion, or a Batch for high volume) or the Ingestion
 * config (`apiKey`, `baseURL`, ...), and the meter's `eventName`.
 */
export function createLLMTracker(config: TrackingConfig): LLMTrackerHandle {
  const tracker = new LLMTracker(config);
  return {
    tracker,
    wrap: ({ client, customerId, metadata }) => wrapLLMClient(client, { tracker, customerId, metadata }),
    track: (response, customerId, metadata) => tracker.track(response, customerId, metadata),
    middleware: (args) => usageMiddleware(tracker, args),
    flush: () => tracker.flush(),
    healthCheck: () => tracker.healthCheck(),
  };
}
