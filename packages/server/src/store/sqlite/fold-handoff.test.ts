import { describe, expect, it } from 'vitest';
import { toEventBatch } from './event-batch.js';
import { FoldHandoff } from './fold-handoff.js';

const batch = (...ids: string[]) =>
  toEventBatch(ids.map((eventId, i) => ({ eventId, customerId: 'c', eventName: 'n', timestamp: i, metadata: { i } })));
const ids = (items: ReturnType<FoldHandoff['take']>) => items && [...items.byMode.values()].flat().sort((a, b) => a.seq - b.seq).map((e) => [e.eventId, e.seq]);

describe('FoldHandoff', () => {
  it('hands over the held batches when they are exactly the log after the cursor', () => {
    const h = new FoldHandoff();
    h.add(0, batch('a', 'dup', 'b'), [0, 2], [1, 2]); // 'dup' was stored before: no seq
    h.add(1, batch('c'), [0], [3]);
    expect(ids(h.take(0, () => 3, 100))).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    const items = h.take(0, () => 3, 100)!;
    expect(items.byMode.get(0)![0]!.metadata).toEqual({ i: 0 });
    expect(items.byMode.get(1)!.map((e) => e.eventId)).toEqual(['c']);
    expect([items.count, items.last]).toEqual([3, 3]);
  });

  it('declines when the log holds more (another writer) or the cursor is elsewhere', () => {
    const h = new FoldHandoff();
    h.add(0, batch('a', 'b'), [0, 1], [5, 6]);
    expect(h.take(4, () => 7, 100)).toBeUndefined();
    expect(h.take(3, () => 6, 100)).toBeUndefined();
    expect(ids(h.take(4, () => 6, 100))).toEqual([['a', 5], ['b', 6]]);
  });

  it('takes whole batches up to about the chunk, and forgets what was folded', () => {
    const h = new FoldHandoff();
    h.add(0, batch('a', 'b'), [0, 1], [1, 2]);
    h.add(0, batch('c', 'd'), [0, 1], [3, 4]);
    expect(ids(h.take(0, () => 4, 1))).toEqual([['a', 1], ['b', 2]]);
    h.forget(2);
    expect(ids(h.take(2, () => 4, 100))).toEqual([['c', 3], ['d', 4]]);
    // A fold from the log that ends inside a batch: the rest is read from the log too.
    h.forget(3);
    expect(h.take(3, () => 4, 100)).toBeUndefined();
  });
});
