/** What a provider stream parser needs: see every item, learn how it ended. */
export interface StreamObserver<T> {
  /** Sees each item before the consumer does. */
  onItem(item: T): void;
  /** Items the consumer must not see (only ones the tracker itself asked for). */
  hide?(item: T): boolean;
  /** `completed`: the source ran to its end (false: error, break or cancel). */
  onEnd(completed: boolean): void;
  /** Where a throw from the callbacks above goes; it never reaches the consumer. */
  fail?(error: unknown): void;
}

/** Calls an observer callback so that its bugs can't break the caller's stream. */
export function safely<R>(observer: StreamObserver<never>, fn: () => R, fallback: R): R {
  try {
    return fn();
  } catch (error) {
    try {
      observer.fail?.(error);
    } catch {
      // nothing more can be done without affecting the stream
    }
    return fallback;
  }
}

/**
 * Re-yields `source` unchanged while `observer` watches. Ending early (a
 * `break`, `return()`) is passed on to the source so its HTTP body is closed,
 * exactly as if the consumer held the source itself.
 */
export async function* observeIterator<T>(source: AsyncIterator<T>, observer: StreamObserver<T>): AsyncGenerator<T, void, undefined> {
  let completed = false;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) {
        completed = true;
        return;
      }
      safely(observer, () => observer.onItem(next.value), undefined);
      if (!safely(observer, () => observer.hide?.(next.value) ?? false, false)) yield next.value;
    }
  } finally {
    try {
      if (!completed) await source.return?.();
    } finally {
      safely(observer, () => observer.onEnd(completed), undefined);
    }
  }
}
