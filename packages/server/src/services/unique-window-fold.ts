import type { UniqueColumns } from '../store/meter-types.js';
import type { WindowFold } from './window-fold.js';

/** unique_count per window: the distinct values of all its buckets (they do not add up). */
export class UniqueWindowFold implements WindowFold<UniqueColumns> {
  private readonly sets: Array<Set<string> | undefined>;

  constructor(windows: number) {
    this.sets = new Array<Set<string> | undefined>(windows);
  }

  add(w: number, c: UniqueColumns, i: number): void {
    (this.sets[w] ??= new Set()).add(c.value[i]!);
  }

  has(w: number): boolean {
    return this.sets[w] !== undefined;
  }

  value(w: number): string {
    return String(this.sets[w]!.size);
  }
}
