/** Values and cells kept at most; past that the memory starts over (forgetting costs only re-inserts). */
const MAX_ENTRIES = 1_000_000;

/**
 * Unique-count rows this writer knows are stored, as the values of each
 * rollup cell (meter, granularity, customer, group, bucket). Every fold sees
 * the same values again for a busy customer's minute, hour and day, and each
 * insert that finds its row already there still costs a B-tree probe. Rows
 * written by a transaction count only once it commits; clear() whenever rows
 * may have been deleted (a meter set change).
 */
export class StoredUniques {
  private stored = new Map<string, Set<string>>();
  private size = 0;
  private tentative: string[] = [];

  /** The values known stored for one cell (do not modify). */
  of(cell: string): ReadonlySet<string> | undefined {
    return this.stored.get(cell);
  }

  has(cell: string, value: string): boolean {
    return this.stored.get(cell)?.has(value) ?? false;
  }

  /** Written by the open transaction. */
  add(cell: string, value: string): void {
    this.tentative.push(cell, value);
  }

  commit(): void {
    const t = this.tentative;
    if (this.size + t.length / 2 > MAX_ENTRIES) (this.stored.clear(), (this.size = 0));
    for (let i = 0; i < t.length; i += 2) {
      let values = this.stored.get(t[i]!);
      if (!values) (this.stored.set(t[i]!, (values = new Set())), this.size++);
      if (!values.has(t[i + 1]!)) (values.add(t[i + 1]!), this.size++);
    }
    this.tentative = [];
  }

  rollback(): void {
    this.tentative = [];
  }

  clear(): void {
    this.stored.clear();
    this.size = 0;
    this.tentative = [];
  }
}
