export type { TrackEvent, UsageRecorder } from './types.js';
export { Ingestion, type SendOptions } from './client/ingestion.js';
export type { IngestionConfig, RetryInfo } from './client/config.js';
export type { IngestResponse, WireEvent } from './client/wire-event.js';
export { deterministicEventId, randomEventId } from './client/event-id.js';
export {
  TallyError,
  TallyError as DodoIngestionError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PayloadTooLargeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  ValidationError,
  ConfigurationError,
  type ErrorBody,
} from './client/errors.js';
export { createBatch, QueueFullError, type Batch, type CleanupResult } from './batch/create-batch.js';
export type { CreateBatchOptions } from './batch/options.js';
export type { BatchHooks, DropReason, ErrorInfo, FlushReport, HookName } from './batch/hooks.js';
export type { BatchStats } from './batch/stats.js';
export type { DeadLetter } from './batch/dead-letter.js';
export { trackAPICall, type TrackAPICallOptions } from './api-call/track-api-call.js';
export { EVENT_LIMITS } from '@tally/core';
// Upstream's blueprint entry points, so moving from @dodopayments/ingestion-blueprints
// is an import change. Everything else of each blueprint is a subpath export.
export { createLLMTracker } from './blueprints/llm/factory.js';
export { LLMTracker } from './blueprints/llm/tracker.js';
export { wrapLLMClient } from './blueprints/llm/wrapper.js';
export { trackObjectStorage } from './blueprints/object-storage/track-object-storage.js';
export { trackStreamBytes } from './blueprints/stream/track-stream-bytes.js';
export { trackTimeRange } from './blueprints/time-range/track-time-range.js';
