/**
 * Keeps the promises of fire-and-forget reports so that `flush()` can wait
 * for them (serverless handlers must not return before usage is handed over).
 */
export class InFlight {
  private readonly pending = new Set<Promise<void>>();

  add(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once every report started so far has settled (never rejects). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
