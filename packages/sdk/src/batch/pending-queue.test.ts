import { describe, expect, it } from 'vitest';
import { PendingQueue, type Entry } from './pending-queue.js';

const entry = (id: string, seq: number, ownId = false): Entry => ({ wire: { event_id: id, customer_id: 'c', event_name: 'e' }, seq, at: 0, ownId });

describe('PendingQueue.take', () => {
  it('keeps a repeated caller ID for the next chunk, in arrival order', () => {
    const q = new PendingQueue();
    for (const e of [entry('a', 1), entry('b', 2), entry('a', 3), entry('c', 4)]) q.push(e);
    expect(q.take(10).map((e) => e.seq)).toEqual([1, 2, 4]);
    expect(q.take(10).map((e) => e.seq)).toEqual([3]);
  });

  it('takes events whose IDs the batch generated without looking them up, up to max', () => {
    const q = new PendingQueue();
    for (const e of [entry('x1', 1, true), entry('a', 2), entry('x2', 3, true), entry('a', 4), entry('x3', 5, true)]) q.push(e);
    expect(q.take(3).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(q.take(3).map((e) => e.seq)).toEqual([4, 5]);
    expect(q.length).toBe(0);
  });
});
