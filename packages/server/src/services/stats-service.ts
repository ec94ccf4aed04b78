import type { Store } from '../store/store.js';
import type { MinuteCount, UnknownCustomer } from '../store/stats-types.js';
import type { Mode } from '../store/types.js';

const MINUTE = 60_000;

export interface Overview {
  /** Every minute of the last `minutes`, oldest first, zeros included. */
  eventsPerMinute: MinuteCount[];
  unknownCustomers: UnknownCustomer[];
  /** Unknown customers are looked for among events since then, epoch ms. */
  unknownSince: number;
}

export interface OverviewOptions {
  minutes: number;
  unknownHours: number;
  unknownLimit: number;
}

/**
 * The dashboard's overview numbers, from the database, so they hold across
 * replicas. Both queries read a bounded time range, never every event.
 */
export class StatsService {
  constructor(private readonly store: Store) {}

  async overview(mode: Mode, now: number, opts: OverviewOptions): Promise<Overview> {
    // The current minute is included, so "until" is the start of the next one.
    const until = Math.floor(now / MINUTE) * MINUTE + MINUTE;
    const since = until - opts.minutes * MINUTE;
    const unknownSince = now - opts.unknownHours * 3_600_000;
    const [counts, unknown] = await Promise.all([
      this.store.stats.eventsPerMinute(mode, since, until),
      this.store.stats.unknownCustomers(mode, unknownSince, opts.unknownLimit),
    ]);
    const byMinute = new Map(counts.map((c) => [c.minute, c.count]));
    const eventsPerMinute: MinuteCount[] = [];
    for (let m = since; m < until; m += MINUTE) eventsPerMinute.push({ minute: m, count: byMinute.get(m) ?? 0 });
    return { eventsPerMinute, unknownCustomers: unknown, unknownSince };
  }
}
