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

// A random UUID whose last three hex digits count: still UUID-shaped and as
// unique as one (110 random bits), for a fraction of the cost per event, which
// matters at one event per API call. A fresh UUID every 4096 IDs (Node's
// randomUUID itself draws random bytes in batches) also lets copies of one
// process, such as a restored VM snapshot, soon diverge.
const PER_UUID = 0x1000;
let base = '';
let used = PER_UUID;

/** A unique, UUID-shaped ID, fixed once per event before its first send. */
export function randomEventId(): string {
  if (used === PER_UUID) {
    base = globalThis.crypto.randomUUID().slice(0, 33);
    used = 0;
  }
  return base + (PER_UUID + used++).toString(16).slice(1);
}
