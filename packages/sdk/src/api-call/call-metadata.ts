import { EVENT_LIMITS } from '@tally/core';
import type { Metadata } from '../blueprints/shared/types.js';
import type { RecordedCall } from './call-facts.js';

/** The event metadata of one call, from its facts alone (the app's own keys come on top). */
export function callMetadata(facts: RecordedCall, responseTimeMs: number): Metadata {
  const metadata: Metadata = {
    endpoint: facts.endpoint,
    method: facts.method,
    status_code: facts.statusCode,
    response_time_ms: responseTimeMs,
  };
  if (facts.requestBytes !== undefined) metadata.request_bytes = facts.requestBytes;
  if (facts.responseBytes !== undefined) metadata.response_bytes = facts.responseBytes;
  if (facts.aborted) metadata.aborted = true;
  return metadata;
}

const fitsString = (s: unknown) => typeof s === 'string' && s.length <= EVENT_LIMITS.metadataStringMaxLength;
const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
const absentOrFinite = (n: unknown) => n === undefined || finite(n);

/**
 * Whether callMetadata(facts, responseTimeMs) satisfies the event rules: its
 * keys are ours (seven at most, short), so only the values need a look. Cheaper
 * than checking the built object key by key, once per API call.
 */
export function callMetadataFits(facts: RecordedCall, responseTimeMs: number): boolean {
  return fitsString(facts.endpoint) && fitsString(facts.method) && finite(facts.statusCode) && finite(responseTimeMs) &&
    absentOrFinite(facts.requestBytes) && absentOrFinite(facts.responseBytes);
}
