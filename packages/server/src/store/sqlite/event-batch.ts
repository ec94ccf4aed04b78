import type { ValidEvent } from '@tally/core';

/**
 * Events as columns, metadata already JSON: what the writer inserts, and
 * what crosses to the writer thread. A structured clone of five arrays of
 * strings and numbers costs a fraction of one of a thousand nested objects,
 * and the thread that serialises is not the one that writes.
 */
export interface EventBatch {
  ids: string[];
  customers: string[];
  names: string[];
  ts: number[];
  metadata: Array<string | null>;
}

export type SeqEvent = ValidEvent & { seq: number };

export function toEventBatch(events: readonly ValidEvent[]): EventBatch {
  const n = events.length;
  const b: EventBatch = { ids: new Array(n), customers: new Array(n), names: new Array(n), ts: new Array(n), metadata: new Array(n) };
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    b.ids[i] = e.eventId;
    b.customers[i] = e.customerId;
    b.names[i] = e.eventName;
    b.ts[i] = e.timestamp;
    b.metadata[i] = e.metadata === null ? null : JSON.stringify(e.metadata);
  }
  return b;
}

/** Event i of a batch, as the fold takes it. */
export function eventOf(b: EventBatch, i: number, seq: number): SeqEvent {
  const meta = b.metadata[i]!;
  return { seq, eventId: b.ids[i]!, customerId: b.customers[i]!, eventName: b.names[i]!, timestamp: b.ts[i]!, metadata: meta === null ? null : JSON.parse(meta) };
}
