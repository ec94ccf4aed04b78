import { eventOf, type EventBatch, type SeqEvent } from './event-batch.js';

/** Committed events held in memory for the fold, at most; a longer backlog is read back from the log. */
const MAX_HELD = 200_000;

/** Events to fold, per mode, in log order, and the last seq among them. */
export interface FoldItems {
  byMode: Map<number, SeqEvent[]>;
  count: number;
  last: number;
}

/** Adds one event to a FoldItems being built. */
export function pushItem(items: FoldItems, mode: number, event: SeqEvent): void {
  const list = items.byMode.get(mode);
  if (list) list.push(event);
  else items.byMode.set(mode, [event]);
  items.count++;
  items.last = event.seq;
}

export const noItems = (): FoldItems => ({ byMode: new Map(), count: 0, last: 0 });

/**
 * The batches this writer committed, in log order, held so a fold need not
 * read them back. They serve a fold only while they are exactly the log after
 * its cursor; otherwise (another process wrote, or the backlog outgrew the
 * cap) the fold reads the log.
 */
export class FoldHandoff {
  private held: Array<{ mode: number; batch: EventBatch; indexes: number[]; seqs: number[] }> = [];
  private count = 0;

  /** A committed batch whose rows `indexes` got `seqs`. */
  add(mode: number, batch: EventBatch, indexes: number[], seqs: number[]): void {
    if (this.count + seqs.length > MAX_HELD) this.drop();
    else (this.held.push({ mode, batch, indexes, seqs }), (this.count += seqs.length));
  }

  /** Whole batches, about `max` events, if the held batches are the log after `from` up to `lastSeq`. */
  take(from: number, lastSeq: () => number, max: number): FoldItems | undefined {
    if (this.held.length === 0) return undefined;
    const first = this.held[0]!.seqs[0]!;
    const last = this.held[this.held.length - 1]!.seqs.at(-1)!;
    if (first !== from + 1 || last - first + 1 !== this.count || lastSeq() !== last) return undefined;
    const items = noItems();
    for (const { mode, batch, indexes, seqs } of this.held) {
      if (items.count >= max) break;
      for (let j = 0; j < indexes.length; j++) pushItem(items, mode, eventOf(batch, indexes[j]!, seqs[j]!));
    }
    return items;
  }

  /** Drops what a fold up to `to` has consumed. */
  forget(to: number): void {
    while (this.held.length > 0 && this.held[0]!.seqs.at(-1)! <= to) this.count -= this.held.shift()!.seqs.length;
    // A batch a log fold cut through: later folds read it from the log.
    if (this.held.length > 0 && this.held[0]!.seqs[0]! <= to) this.drop();
  }

  private drop(): void {
    this.held = [];
    this.count = 0;
  }
}
