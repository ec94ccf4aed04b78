/** Delivery counters of one batch, all counted in events unless named otherwise. */
export interface BatchStats {
  /** Events put on the wire, resends included. */
  sent: number;
  /** Events the server confirmed (stored now or already stored). */
  acknowledged: number;
  /** Of those, already stored: a resend the server skipped by event_id. */
  duplicates: number;
  /** Retry attempts: requests repeated after a transient failure. */
  retried: number;
  /** Events dead-lettered: refused for good (invalid, or a non-retryable 4xx). */
  failed: number;
  /** Events waiting or in flight. */
  queued: number;
  /** Events held in the spool, not yet acknowledged. */
  spooled: number;
  /** Events refused because the queue was full or the batch closed. */
  dropped: number;
  /** HTTP requests made, retries included. */
  requests: number;
  lastError: { message: string; name: string; status: number | undefined; at: Date } | undefined;
}

export function emptyStats(): BatchStats {
  return { sent: 0, acknowledged: 0, duplicates: 0, retried: 0, failed: 0, queued: 0, spooled: 0, dropped: 0, requests: 0, lastError: undefined };
}
