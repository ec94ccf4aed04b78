/** Entries kept at most; past that the set starts over (forgetting costs only re-inserts). */
const MAX_ENTRIES = 1_000_000;

/**
 * Unique-count rows this writer knows are stored. Every fold sees the same
 * values again for a busy customer's minute, hour and day, and each insert
 * that finds its row already there still costs a B-tree probe. Rows written
 * by a transaction count only once it commits; clear() whenever rows may
 * have been deleted (a meter set change).
 */
export class StoredUniques {
  private stored = new Set<string>();
  private tentative: string[] = [];

  has(key: string): boolean {
    return this.stored.has(key);
  }

  /** Written by the open transaction. */
  add(key: string): void {
    this.tentative.push(key);
  }

  commit(): void {
    if (this.stored.size + this.tentative.length > MAX_ENTRIES) this.stored.clear();
    for (const k of this.tentative) this.stored.add(k);
    this.tentative = [];
  }

  rollback(): void {
    this.tentative = [];
  }

  clear(): void {
    this.stored.clear();
    this.tentative = [];
  }
}
