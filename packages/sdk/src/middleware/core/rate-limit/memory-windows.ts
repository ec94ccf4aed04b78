/** One key's count in its current window. */
interface Window {
  count: number;
  /** Epoch ms when the window ends. */
  endsAt: number;
}

/** What one consume() saw: the key's count so far in this window (this call included) and the window's rest. */
export interface WindowCount {
  consumed: number;
  msBeforeNext: number;
}

/**
 * Fixed windows per key in this process's memory, counted exactly as
 * rate-limiter-flexible's RateLimiterMemory does (a key's window opens at its
 * first request; every request counts, refused ones too), but synchronously:
 * its `consume` answers with a promise, which costs every limited request a
 * microtask hop before the handler runs. Ended windows are swept once per
 * window length instead of by a timer per key.
 */
export class MemoryWindows {
  private readonly windows = new Map<string, Window>();
  private sweepAt = 0;

  constructor(private readonly durationMs: number) {}

  consume(key: string, now = Date.now()): WindowCount {
    if (now >= this.sweepAt) this.sweep(now);
    const w = this.windows.get(key);
    if (w !== undefined && w.endsAt > now) {
      w.count++;
      return { consumed: w.count, msBeforeNext: w.endsAt - now };
    }
    this.windows.set(key, { count: 1, endsAt: now + this.durationMs });
    return { consumed: 1, msBeforeNext: this.durationMs };
  }

  /** Keys held; ended windows stay until the next sweep. */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
    this.sweepAt = now + this.durationMs;
  }
}
