import { Transform, type TransformCallback } from 'node:stream';
import type { UsageRecorder } from '../../types.js';
import { ByteTally, type ByteCounterOptions } from './byte-tally.js';

const lengthOf = (chunk: unknown, encoding: BufferEncoding): number =>
  typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : ((chunk as Uint8Array).byteLength ?? 0);

/**
 * A pass-through Node Transform that counts the bytes going through it and
 * reports them: at the end, every `reportEveryBytes` on long streams, and on
 * error or destroy (what passed so far, with `error: true`).
 */
export class ByteCounter extends Transform {
  private readonly tally: ByteTally;

  constructor(recorder: UsageRecorder, options: ByteCounterOptions) {
    super();
    this.tally = new ByteTally(recorder, options);
  }

  /** Bytes counted so far. */
  get bytes(): number {
    return this.tally.bytes;
  }

  /** Settles once the reports made so far were handed to the recorder. */
  settled(): Promise<void> {
    return this.tally.settled();
  }

  override _transform(chunk: unknown, encoding: BufferEncoding, callback: TransformCallback): void {
    this.tally.add(lengthOf(chunk, encoding));
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.tally.finish(false);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // After a normal end this is a no-op; otherwise the stream was cut short.
    this.tally.finish(true);
    callback(error);
  }
}

export function createByteCounter(recorder: UsageRecorder, options: ByteCounterOptions): ByteCounter {
  return new ByteCounter(recorder, options);
}
