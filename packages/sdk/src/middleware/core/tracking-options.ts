import type { TrackErrorHandler, Metadata } from '../../blueprints/shared/types.js';
import type { UsageRecorder } from '../../types.js';
import type { CallFacts } from '../../api-call/call-facts.js';
import type { CustomerOptions } from './customer.js';
import type { FilterOptions } from './request-filter.js';

export interface TrackingOptions<Req> extends CustomerOptions<Req>, FilterOptions {
  /** Where events go: a batch from createBatch (recommended) or an Ingestion. */
  recorder: UsageRecorder;
  /** The event name; default: the recorder's (an Ingestion's `eventName`), else 'api_call'. */
  eventName?: string;
  /** Extra metadata for the event; runs after the response finished. Its keys win over ours. */
  metadata?: (req: Req, call: CallFacts & { responseTimeMs: number }) => Metadata | undefined;
  /** Called when an event could not be recorded; default: a warning on stderr. */
  onError?: TrackErrorHandler;
}
