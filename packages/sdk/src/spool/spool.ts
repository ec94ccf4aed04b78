import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { WireEvent } from '../client/wire-event.js';
import { jsonLine as line, recover, removeGeneration, startGeneration } from './generation.js';
import { lockDir } from './lock.js';

export interface SpoolOptions {
  /** Rewrite the files once this many events were resolved since the last rewrite. */
  compactEvery?: number;
}

/**
 * A durable, append-only record of events not yet acknowledged, in one
 * directory. `<gen>.events` holds each event as a JSON line, fsynced before
 * append() resolves; `<gen>.acks` holds the IDs of events resolved since
 * (acknowledged or dead-lettered). An ack is not fsynced: losing one only
 * means a resend, which the server skips by event_id. Outstanding events are
 * rewritten into a new generation at open and every `compactEvery` resolves.
 */
export class Spool {
  /** Events found unresolved at open, oldest first. */
  readonly recovered: WireEvent[];
  /** Lines skipped at open (a torn last write after a crash). */
  readonly skippedLines: number;
  private readonly outstanding = new Map<string, WireEvent>();
  private chain: Promise<unknown> = Promise.resolve();
  private pending: string[] = [];
  private pendingDone: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private writeScheduled = false;
  private resolvedSinceCompact = 0;

  private constructor(
    readonly dir: string,
    private gen: number,
    private eventsFh: FileHandle,
    private acksFh: FileHandle,
    private readonly unlock: () => Promise<void>,
    private readonly compactEvery: number,
    recovered: WireEvent[],
    skipped: number,
  ) {
    this.recovered = recovered;
    this.skippedLines = skipped;
    for (const e of recovered) this.outstanding.set(e.event_id, e);
  }

  static async open(dir: string, options: SpoolOptions = {}): Promise<Spool> {
    await mkdir(dir, { recursive: true });
    const unlock = await lockDir(dir);
    try {
      const found = await recover(dir);
      const gen = (found.generations.at(-1) ?? 0) + 1;
      const [eventsFh, acksFh] = await startGeneration(dir, gen, found.events);
      for (const g of found.generations) await removeGeneration(dir, g);
      return new Spool(dir, gen, eventsFh, acksFh, unlock, options.compactEvery ?? 10_000, found.events, found.skipped);
    } catch (err) {
      await unlock();
      throw err;
    }
  }

  /** Events appended and not yet resolved. */
  get size(): number {
    return this.outstanding.size;
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.chain.then(op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves once the events are on disk. Concurrent appends share one fsync. */
  append(events: WireEvent[]): Promise<void> {
    for (const e of events) {
      this.outstanding.set(e.event_id, e);
      this.pending.push(line(e));
    }
    const done = new Promise<void>((resolve, reject) => this.pendingDone.push({ resolve, reject }));
    if (!this.writeScheduled) {
      this.writeScheduled = true;
      void this.run(() => this.writePending());
    }
    return done;
  }

  private async writePending(): Promise<void> {
    this.writeScheduled = false;
    const text = this.pending.join('');
    const waiters = this.pendingDone;
    this.pending = [];
    this.pendingDone = [];
    try {
      await this.eventsFh.write(text);
      await this.eventsFh.datasync();
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    }
  }

  /** Marks events acknowledged or dead-lettered: they will not be recovered. */
  resolve(ids: string[]): Promise<void> {
    let known = 0;
    for (const id of ids) if (this.outstanding.delete(id)) known++;
    this.resolvedSinceCompact += known;
    return this.run(async () => {
      await this.acksFh.write(ids.map(line).join(''));
      if (this.resolvedSinceCompact >= this.compactEvery) await this.compact();
    });
  }

  /** Appends records to dead-letter.jsonl, fsynced: it is their only copy. */
  writeDeadLetters(records: unknown[]): Promise<void> {
    return this.run(async () => {
      const fh = await open(join(this.dir, 'dead-letter.jsonl'), 'a');
      try {
        await fh.write(records.map(line).join(''));
        await fh.datasync();
      } finally {
        await fh.close();
      }
    });
  }

  private async compact(): Promise<void> {
    const old = this.gen;
    const [eventsFh, acksFh] = await startGeneration(this.dir, old + 1, [...this.outstanding.values()]);
    await this.eventsFh.close();
    await this.acksFh.close();
    this.eventsFh = eventsFh;
    this.acksFh = acksFh;
    this.gen = old + 1;
    this.resolvedSinceCompact = 0;
    await removeGeneration(this.dir, old);
  }

  /** Waits for every write, closes the files and releases the directory. */
  async close(): Promise<void> {
    await this.run(async () => {
      if (this.outstanding.size === 0) await this.compact();
      await this.eventsFh.close();
      await this.acksFh.close();
    });
    await this.unlock();
  }
}
