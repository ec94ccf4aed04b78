import { observeIterator, type StreamObserver } from './observe-iterator.js';

/**
 * The `Stream` class of the OpenAI, Anthropic and Groq SDKs: an async
 * iterable whose every reader (for-await, tee(), toReadableStream()) pulls
 * from its `iterator` factory.
 */
interface SdkStream {
  iterator: () => AsyncIterator<unknown>;
  controller: unknown;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

export function isSdkStream(value: unknown): value is SdkStream {
  const v = value as Partial<SdkStream> | null;
  return !!v && typeof v === 'object' && typeof v.iterator === 'function' && typeof v[Symbol.asyncIterator] === 'function' && 'controller' in v;
}

/**
 * Observes the stream in place: the caller keeps the very object the SDK
 * returned (same class, same helpers); only its iterator factory is wrapped,
 * which every way of reading it goes through.
 */
export function observeSdkStream(stream: SdkStream, makeObserver: () => StreamObserver<unknown>): void {
  const original = stream.iterator;
  stream.iterator = function observed(this: unknown) {
    return observeIterator(original.call(this), makeObserver());
  };
}

/** Runs `fn` on the value of a promise-like without changing what the caller awaits. */
export function onResolved(result: unknown, fn: (value: unknown) => void, onFailure: (error: unknown) => void): void {
  const run = (value: unknown) => {
    try {
      fn(value);
    } catch (error) {
      onFailure(error);
    }
  };
  const thenable = result as PromiseLike<unknown> | null;
  // A rejection is the caller's to handle on their own await; only our branch swallows it.
  if (thenable && typeof thenable.then === 'function') thenable.then(run, () => {});
  else run(result);
}
