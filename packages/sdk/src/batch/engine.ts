import type { Ingestion } from '../client/ingestion.js';
import type { WireEvent } from '../client/wire-event.js';
import type { DeadLetter } from './dead-letter.js';
import { deliverChunk, type ChunkContext } from './deliver-chunk.js';
import type { ResolvedBatchOptions } from './options.js';
import { PendingQueue, type Entry } from './pending-queue.js';

interface FlushWaiter {
  target: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface EngineEvents extends Omit<ChunkContext, 'signal'> {
  onDead: (letters: DeadLetter[]) => void;
  /** After any request settles: room may have freed up. */
  onSettled: () => void;
}

/**
 * Decides when to send. A flush starts when `chunkSize` events wait, or when
 * the OLDEST waiting event has waited `flushInterval` (a deadline, not a
 * debounce: a steady trickle cannot postpone it), or when someone awaits
 * flush(). At most `maxConcurrent` requests run at once. A chunk that failed
 * past the client's retries goes back to the front of the queue and the
 * engine backs off (doubling up to 60 s) before the next automatic flush.
 */
export class BatchEngine {
  readonly queue = new PendingQueue();
  readonly abort = new AbortController();
  private readonly inflight = new Map<Entry[], Promise<void>>();
  private inflightEvents = 0;
  private waiters: FlushWaiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private backoffUntil = 0;
  private backoffStep: number;
  private seq = 0;
  ready = false;
  stopped = false;

  constructor(private readonly ingestion: Ingestion, private readonly o: ResolvedBatchOptions, private readonly on: EngineEvents) {
    this.backoffStep = o.requeueDelayMs;
  }

  /** Events waiting or in flight. */
  get held(): number {
    return this.queue.length + this.inflightEvents;
  }

  /** `ownId`: the batch generated the event's ID, so no other queued event can repeat it. */
  enqueue(wire: WireEvent, at = Date.now(), ownId = false): void {
    this.queue.push({ wire, seq: ++this.seq, at, ownId });
    if (this.queue.length >= this.o.chunkSize || this.timer === undefined) this.pump();
  }

  /** Events recovered from the spool: first in line and due at once. */
  enqueueRecovered(wires: WireEvent[]): void {
    this.queue.requeue(wires.map((wire, i) => ({ wire, seq: i - wires.length, at: 0 })));
  }

  pump = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.ready || this.stopped) return;
    const now = Date.now();
    while (this.inflight.size < this.o.maxConcurrent && this.queue.length > 0) {
      // Someone awaits flush(): send now, whatever the interval or backoff.
      const due = this.waiters.length > 0 || (now >= this.backoffUntil &&
        (this.queue.length >= this.o.chunkSize || now - this.queue.oldestAt! >= this.o.flushInterval));
      if (!due) break;
      this.start(this.queue.take(this.o.chunkSize));
    }
    if (this.queue.length > 0 && this.inflight.size < this.o.maxConcurrent && this.waiters.length === 0) {
      const at = Math.max(this.backoffUntil, this.queue.oldestAt! + this.o.flushInterval);
      this.timer = setTimeout(this.pump, Math.max(0, at - now));
      this.timer.unref?.();
    }
  };

  private start(entries: Entry[]): void {
    this.inflightEvents += entries.length;
    const done = deliverChunk(this.ingestion, entries.map((e) => e.wire), { ...this.on, signal: this.abort.signal }).then(
      (outcome) => {
        this.inflight.delete(entries);
        this.inflightEvents -= entries.length;
        if (outcome.retryLater.length > 0) {
          const again = new Set(outcome.retryLater);
          // Overdue now (at = 0): they go again as soon as the pause ends.
          this.queue.requeue(entries.filter((e) => again.has(e.wire)).map((e) => ({ ...e, at: 0 })));
          this.backoffUntil = Date.now() + this.backoffStep;
          this.backoffStep = Math.min(this.backoffStep * 2, 60_000);
          const first = entries[0]!.seq;
          for (const w of this.waiters.filter((w) => w.target >= first)) w.reject(outcome.error);
          this.waiters = this.waiters.filter((w) => w.target < first);
        } else {
          this.backoffUntil = 0;
          this.backoffStep = this.o.requeueDelayMs;
        }
        this.on.onDead(outcome.dead);
        this.on.onSettled();
        this.checkWaiters();
        this.pump();
      },
    );
    this.inflight.set(entries, done);
  }

  private checkWaiters(): void {
    const busy = (target: number) =>
      this.queue.hasUpTo(target) || [...this.inflight.keys()].some((chunk) => chunk.some((e) => e.seq <= target));
    const settled = this.waiters.filter((w) => !busy(w.target));
    this.waiters = this.waiters.filter((w) => busy(w.target));
    for (const w of settled) w.resolve();
  }

  /** Sends everything queued so far now; rejects if a transient failure outlasted the retries. */
  flush(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ target: this.seq, resolve, reject });
      this.checkWaiters();
      this.pump();
    });
  }

  /** Time before the next automatic attempt after a failure (0 when none is pending). */
  get backoffRemaining(): number {
    return Math.max(0, this.backoffUntil - Date.now());
  }

  /** Stops sending, aborts requests in flight and waits for them to settle. */
  async stop(reason: unknown): Promise<Entry[]> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort(reason);
    await Promise.all(this.inflight.values());
    for (const w of this.waiters) w.reject(reason);
    this.waiters = [];
    return this.queue.drain();
  }
}
