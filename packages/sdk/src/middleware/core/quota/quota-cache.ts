import type { QuotaLimit } from './options.js';

interface Entry {
  limits: QuotaLimit[] | undefined;
  fetchedAt: number;
  /** Requests admitted (in total) for this customer by this process. */
  admitted: number;
  /** `admitted` when the current answer's fetch started: later admits are not in its `used`. */
  admittedAtFetch: number;
  refreshing: boolean;
  seenAt: number;
}

export interface QuotaState {
  limits: QuotaLimit[];
  /** Admitted here since the cached answer was fetched. */
  local: number;
}

/**
 * Per-customer limits as last fetched, plus what this process admitted
 * since. Refreshes are started by requests (no timers), in the background.
 */
export class QuotaCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly refreshMs: number,
    private readonly load: (customerId: string) => Promise<QuotaLimit[]>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The cached state (undefined before the first answer); starts a refresh when stale. */
  get(customerId: string, now = Date.now()): QuotaState | undefined {
    let e = this.entries.get(customerId);
    if (!e) {
      if (this.entries.size >= 10_000) this.evict(now);
      e = { limits: undefined, fetchedAt: 0, admitted: 0, admittedAtFetch: 0, refreshing: false, seenAt: now };
      this.entries.set(customerId, e);
    }
    e.seenAt = now;
    const expired = e.limits?.some((l) => Date.parse(l.reset_at) <= now) ?? false;
    if (!e.refreshing && (now - e.fetchedAt >= this.refreshMs || expired)) this.refresh(customerId, e);
    if (!e.limits || expired) return undefined;
    return { limits: e.limits, local: e.admitted - e.admittedAtFetch };
  }

  admit(customerId: string): void {
    const e = this.entries.get(customerId);
    if (e) e.admitted++;
  }

  /** Resolves when no refresh is running (tests, warm-up). */
  async idle(): Promise<void> {
    while ([...this.entries.values()].some((e) => e.refreshing)) await new Promise((r) => setTimeout(r, 5));
  }

  private refresh(customerId: string, e: Entry): void {
    e.refreshing = true;
    const snapshot = e.admitted;
    this.load(customerId).then(
      (limits) => {
        e.limits = limits;
        e.admittedAtFetch = snapshot;
        e.fetchedAt = Date.now();
      },
      (error: unknown) => {
        // Keep the last answer; try again after another refresh interval.
        e.fetchedAt = Date.now();
        this.onError(error);
      },
    ).finally(() => (e.refreshing = false));
  }

  private evict(now: number): void {
    for (const [id, e] of this.entries) if (now - e.seenAt > this.refreshMs * 10) this.entries.delete(id);
  }
}
