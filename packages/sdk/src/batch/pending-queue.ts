import type { WireEvent } from '../client/wire-event.js';

export interface Entry {
  wire: WireEvent;
  /** Order of arrival; flush() waits for everything up to a given seq. */
  seq: number;
  /** When it was queued (epoch ms); the flush timer runs from the oldest. */
  at: number;
  /** The batch generated its ID (random, so it cannot repeat): take() need not look it up. */
  ownId?: boolean;
}

/** The events waiting to be sent, oldest first. */
export class PendingQueue {
  private items: Entry[] = [];

  get length(): number {
    return this.items.length;
  }

  /** When the oldest waiting event arrived, or undefined when empty. */
  get oldestAt(): number | undefined {
    return this.items[0]?.at;
  }

  push(entry: Entry): void {
    this.items.push(entry);
  }

  /** Puts events back at the front after a failed send, keeping their arrival order. */
  requeue(entries: Entry[]): void {
    this.items = [...entries, ...this.items].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Takes up to `max` events for one request. An event_id seen earlier in the
   * same chunk stays queued for the next one: the server refuses a request
   * that repeats an ID, but skips an ID it already stored.
   */
  take(max: number): Entry[] {
    const chunk: Entry[] = [];
    const ids = new Set<string>();
    const kept: Entry[] = [];
    let i = 0;
    for (; i < this.items.length && chunk.length < max; i++) {
      const e = this.items[i]!;
      if (e.ownId) chunk.push(e);
      else if (ids.has(e.wire.event_id)) kept.push(e);
      else {
        ids.add(e.wire.event_id);
        chunk.push(e);
      }
    }
    this.items = kept.length > 0 ? [...kept, ...this.items.slice(i)] : this.items.slice(i);
    return chunk;
  }

  /** True when some waiting event arrived at or before `seq`. */
  hasUpTo(seq: number): boolean {
    return this.items.some((e) => e.seq <= seq);
  }

  drain(): Entry[] {
    const all = this.items;
    this.items = [];
    return all;
  }
}
