export { EVENT_LIMITS, DEFAULT_TIME_WINDOW, type TimeWindow } from './event/limits.js';
export type { EventInput, EventIssue, Metadata, MetadataValue, ValidEvent } from './event/types.js';
export { parseTimestamp, formatTimestamp } from './event/timestamp.js';
export { checkMetadata } from './event/validate-metadata.js';
export { validateEvent, type ValidateContext } from './event/validate-event.js';
export { validateBatch, type BatchResult } from './event/validate-batch.js';
export { newId, type IdPrefix } from './id.js';
