import { safely, type StreamObserver } from './observe-iterator.js';

/**
 * A ReadableStream that yields what `source` yields while `observer` watches.
 * Pull-based, so backpressure is kept; a cancel is passed on to the source.
 */
export function observeReadable<T>(source: ReadableStream<T>, observer: StreamObserver<T>): ReadableStream<T> {
  const reader = source.getReader();
  let ended = false;
  const end = (completed: boolean) => {
    if (ended) return;
    ended = true;
    safely(observer, () => observer.onEnd(completed), undefined);
  };
  return new ReadableStream<T>({
    async pull(controller) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        end(false);
        controller.error(error);
        return;
      }
      if (next.done) {
        end(true);
        controller.close();
        return;
      }
      const value = next.value;
      safely(observer, () => observer.onItem(value), undefined);
      controller.enqueue(value);
    },
    async cancel(reason) {
      end(false);
      await reader.cancel(reason);
    },
  });
}
