import type { Transformer, TransformStreamDefaultController } from 'node:stream/web';
import type { UsageRecorder } from '../../types.js';
import { ByteTally, type ByteCounterOptions } from './byte-tally.js';

type Chunk = ArrayBufferView | ArrayBuffer | string;
const encoder = new TextEncoder();

const lengthOf = (chunk: Chunk): number => (typeof chunk === 'string' ? encoder.encode(chunk).byteLength : chunk.byteLength);

/**
 * A web TransformStream that passes chunks through unchanged and counts their
 * bytes (strings as UTF-8), reporting as the Node ByteCounter does. Use with
 * `pipeThrough` (fetch bodies, Response streams, edge runtimes).
 */
export class WebByteCounter<T extends Chunk = Uint8Array> extends TransformStream<T, T> {
  private readonly tally: ByteTally;

  constructor(recorder: UsageRecorder, options: ByteCounterOptions) {
    const tally = new ByteTally(recorder, options);
    super({
      transform(chunk: T, controller: TransformStreamDefaultController<T>) {
        tally.add(lengthOf(chunk));
        controller.enqueue(chunk);
      },
      flush: () => tally.finish(false),
      // Called when the readable side is cancelled or the writable side aborted.
      cancel: () => tally.finish(true),
    } as Transformer<T, T>);
    this.tally = tally;
  }

  get bytes(): number {
    return this.tally.bytes;
  }

  settled(): Promise<void> {
    return this.tally.settled();
  }
}

export function createWebByteCounter<T extends Chunk = Uint8Array>(recorder: UsageRecorder, options: ByteCounterOptions): WebByteCounter<T> {
  return new WebByteCounter<T>(recorder, options);
}
