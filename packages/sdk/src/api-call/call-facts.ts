/** What the event of one finished request records: its facts but for when it started. */
export interface RecordedCall {
  /** The route template (`/users/:id`), or UNMATCHED_ENDPOINT when no route matched. */
  endpoint: string;
  method: string;
  statusCode: number;
  /** Request body bytes (Content-Length), when known. */
  requestBytes?: number;
  /** Response body bytes, when known. */
  responseBytes?: number;
  /** The client went away before the response was complete. */
  aborted?: boolean;
}

/** What a framework adapter observed about one finished request. */
export interface CallFacts extends RecordedCall {
  /** performance.now() when the request arrived. */
  startedAt: number;
}

/**
 * The endpoint recorded for requests no route matched: one value rather than
 * the raw path, so scanners cannot blow up the number of endpoints.
 */
export const UNMATCHED_ENDPOINT = '(unmatched)';

/** A Content-Length header as a byte count; undefined when absent or malformed. */
export function contentLength(value: string | number | readonly string[] | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
