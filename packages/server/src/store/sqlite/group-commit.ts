import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

interface Pending<I, O> {
  input: I;
  resolve(out: O): void;
  reject(err: unknown): void;
}

/**
 * Group commit: writes that arrive in the same turn of the event loop share
 * one transaction, so one fsync makes several requests durable at once. A
 * commit is still complete before any of its callers is answered. Should the
 * group fail, each write is retried alone, so one bad write fails only itself.
 */
export function groupCommit<I, O>(db: SqliteDatabase, apply: (input: I) => O, maxGroup = 32): (input: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  const runGroup = db.transaction((items: Pending<I, O>[]) => items.map((p) => apply(p.input)));
  const settle = (items: Pending<I, O>[]) => {
    try {
      const outs = guard(() => runGroup(items));
      items.forEach((p, i) => p.resolve(outs[i]!));
    } catch (err) {
      if (items.length === 1) items[0]!.reject(err);
      else for (const p of items) settle([p]);
    }
  };
  const flush = () => {
    const items = queue.splice(0, maxGroup);
    if (queue.length > 0) setImmediate(flush);
    settle(items);
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      if (queue.push({ input, resolve, reject }) === 1) setImmediate(flush);
    });
}
