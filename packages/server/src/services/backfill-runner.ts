import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import { deltasForMeter } from './meter-deltas.js';

/**
 * Counts the events stored before a meter existed, a chunk per transaction,
 * yielding to the event loop between chunks so ingest is never blocked for
 * long. Progress is durable (the cursor moves with each chunk), so a restart
 * resumes where it stopped.
 */
export class BackfillRunner {
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly store: Store, private readonly chunkSize = 5000) {}

  start(mode: Mode, meterId: string): Promise<void> {
    const k = `${mode}:${meterId}`;
    let run = this.running.get(k);
    if (!run) {
      run = this.run(mode, meterId).finally(() => this.running.delete(k));
      this.running.set(k, run);
    }
    return run;
  }

  /** Resumes unfinished backfills, e.g. at start-up. */
  async resumeAll(): Promise<void> {
    for (const { mode, id } of await this.store.meters.unfinishedBackfills()) void this.start(mode, id);
  }

  /** Resolves when no backfill is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async run(mode: Mode, meterId: string): Promise<void> {
    let failures = 0;
    for (;;) {
      const meter = await this.store.meters.get(mode, meterId).catch(() => undefined);
      if (!meter || meter.archived || meter.backfill.status === 'complete') return;
      try {
        const { done } = await this.store.rollups.backfillChunk(mode, meterId, (events) => [deltasForMeter(meter, events)], this.chunkSize);
        if (done) return;
        failures = 0;
      } catch {
        // A busy or closing database: try a few times, then leave it for the next start.
        if (++failures > 5) return;
        await new Promise((r) => setTimeout(r, 200 * failures).unref());
      }
      await new Promise((r) => setImmediate(r));
    }
  }
}
