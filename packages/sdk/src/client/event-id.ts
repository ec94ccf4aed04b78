/**
 * `${customerId}_${action}_${timestamp}`, the shape the ingestion guide
 * recommends: the same call with the same inputs always names the same event,
 * so sending it twice (a retry, a replay, a second process) counts it once.
 * Dates and epoch milliseconds become epoch milliseconds; strings are kept.
 */
export function deterministicEventId(customerId: string, action: string, timestamp: Date | string | number): string {
  const ts = timestamp instanceof Date ? timestamp.getTime() : timestamp;
  return `${customerId}_${action}_${ts}`;
}

/** A random ID, drawn once per event before its first send. */
export function randomEventId(): string {
  return globalThis.crypto.randomUUID();
}
