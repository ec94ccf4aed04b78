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
export { EVENT_LIMITS } from '@tally/core';
