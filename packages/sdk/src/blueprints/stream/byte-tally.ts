import type { UsageRecorder } from '../../types.js';
import { InFlight } from '../shared/in-flight.js';
import { report, warnOnError } from '../shared/report.js';
import type { Metadata, TrackErrorHandler } from '../shared/types.js';

export interface ByteCounterOptions {
  customerId: string;
  eventName?: string;
  metadata?: Metadata;
  /**
   * On long streams, also report every this many bytes (each report is its
   * own event of exactly this many bytes). Default: only at the end.
   */
  reportEveryBytes?: number;
  /**
   * Names the stream in event IDs (`<customerId>_stream_<streamId>_<part>`):
   * the same stream reported twice (a retry, a resumed job) is counted once.
   * Default: a random ID per counter.
   */
  streamId?: string;
  /** Where recording failures go; they never affect the stream. Default: console.warn. */
  onError?: TrackErrorHandler;
}

/**
 * The bookkeeping behind both byte counters. Partial reports are cut at exact
 * multiples of `reportEveryBytes`, so part k always means the same bytes
 * whatever the chunking; the final report covers only the remainder.
 */
export class ByteTally {
  bytes = 0;
  private part = 0;
  private finished = false;
  private readonly every: number;
  private readonly streamId: string;
  private readonly inFlight = new InFlight();

  constructor(
    private readonly recorder: UsageRecorder,
    private readonly options: ByteCounterOptions,
  ) {
    const every = options.reportEveryBytes ?? Infinity;
    if (!(every > 0)) throw new RangeError(`reportEveryBytes must be > 0, got ${every}`);
    this.every = every;
    this.streamId = options.streamId ?? globalThis.crypto.randomUUID();
  }

  add(n: number): void {
    this.bytes += n;
    while (this.bytes - this.part * this.every >= this.every) this.emit(this.every, false, false);
  }

  /** Reports what is left (once); `failed`: the stream errored or was aborted. */
  finish(failed: boolean): void {
    if (this.finished) return;
    this.finished = true;
    const rest = this.bytes - (Number.isFinite(this.every) ? this.part * this.every : 0);
    if (rest > 0 || this.part === 0 || failed) this.emit(rest, true, failed);
  }

  /** Settles when every report made so far has been handed to the recorder. */
  settled(): Promise<void> {
    return this.inFlight.flush();
  }

  private emit(bytes: number, final: boolean, failed: boolean): void {
    const part = this.part++;
    const metadata: Metadata = { ...this.options.metadata, bytes, part, final };
    if (failed) metadata.error = true;
    const eventId = `${this.options.customerId}_stream_${this.streamId}_${part}`;
    const event = { customerId: this.options.customerId, eventName: this.options.eventName, eventId, timestamp: new Date(), metadata };
    this.inFlight.add(report(this.recorder, event, this.options.onError ?? warnOnError));
  }
}
