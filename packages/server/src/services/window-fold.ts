import { addDecimalText, cellValue, compareDecimalText, emptyCell, isLaterEvent, type AggregationType } from '@tally/core';
import type { CellColumns } from '../store/meter-types.js';

// Canonical integers of up to 15 digits: exact as numbers, and so is any sum
// of them up to WHOLE_LIMIT (2^53 less one more such integer).
const SMALL_INTEGER = /^-?\d{1,15}$/;
const WHOLE_LIMIT = 2 ** 53 - 1e15;

/** One series' (customer's, and group's) value per window, folded from its rollup buckets. */
export interface WindowFold<C> {
  /** Adds bucket i of `columns` to window w. */
  add(w: number, columns: C, i: number): void;
  /** Whether any bucket landed in window w (windows with none are left out). */
  has(w: number): boolean;
  value(w: number): string | null;
}

/**
 * Cells merged per window as core's mergeCells would, kept in arrays indexed
 * by window rather than a cell object per window: an all-customer query folds
 * tens of thousands of buckets. A window made of one bucket keeps that
 * bucket's text as it is; only windows of several buckets add or compare.
 */
export class CellWindowFold implements WindowFold<CellColumns> {
  /** Events counted per window; undefined until a bucket lands there. */
  private readonly count: Array<number | undefined>;
  /** The sum, min, max or last value. */
  private readonly text: Array<string | null>;
  /**
   * Integer buckets added as a number (exact below WHOLE_LIMIT), joined to
   * `text` once at the end: a window of 24 hour buckets would otherwise parse
   * and print its running sum 23 times.
   */
  private readonly whole: Array<number | undefined>;
  private readonly lastTs: Array<number | null>;
  private readonly lastId: Array<string | null>;

  constructor(private readonly type: AggregationType, windows: number) {
    this.count = new Array<number | undefined>(windows);
    this.text = new Array<string | null>(windows);
    this.whole = type === 'sum' || type === 'avg' ? new Array<number | undefined>(windows) : [];
    this.lastTs = type === 'last' ? new Array<number | null>(windows) : [];
    this.lastId = type === 'last' ? new Array<string | null>(windows) : [];
  }

  add(w: number, c: CellColumns, i: number): void {
    const first = this.count[w] === undefined;
    this.count[w] = (first ? 0 : this.count[w]!) + (c.count ? c.count[i]! : 0);
    switch (this.type) {
      case 'sum':
      case 'avg': {
        const sum = c.sum![i] ?? '0';
        if (first) this.text[w] = sum;
        else if (SMALL_INTEGER.test(sum)) this.addWhole(w, Number(sum));
        else this.text[w] = addDecimalText(this.text[w]!, sum);
        return;
      }
      case 'min':
      case 'max': {
        const want = this.type === 'min' ? -1 : 1;
        const v = (want < 0 ? c.min : c.max)![i] ?? null;
        const cur = first ? null : this.text[w]!;
        this.text[w] = cur === null ? v : v === null ? cur : compareDecimalText(v, cur) === want ? v : cur;
        return;
      }
      case 'last': {
        const ts = c.last_ts![i] ?? null;
        const later = ts !== null && (first || this.lastTs[w] === null || isLaterEvent(ts, c.last_event_id![i]!, this.lastTs[w]!, this.lastId[w]!));
        if (later || first) {
          this.lastTs[w] = ts;
          this.lastId[w] = c.last_event_id![i] ?? null;
          this.text[w] = c.last_value![i] ?? null;
        }
        return;
      }
      default:
    }
  }

  has(w: number): boolean {
    return this.count[w] !== undefined;
  }

  value(w: number): string | null {
    switch (this.type) {
      case 'count':
        return String(this.count[w]);
      case 'sum':
        return this.sum(w);
      case 'avg':
        return cellValue('avg', { ...emptyCell(), count: this.count[w]!, sum: this.sum(w) });
      default:
        return this.text[w]!;
    }
  }

  private addWhole(w: number, v: number): void {
    const n = (this.whole[w] ?? 0) + v; // exact: |whole| <= WHOLE_LIMIT and |v| < 1e15
    if (Math.abs(n) <= WHOLE_LIMIT) this.whole[w] = n;
    else {
      this.text[w] = addDecimalText(this.text[w]!, String(n));
      this.whole[w] = 0;
    }
  }

  private sum(w: number): string {
    const whole = this.whole[w];
    return whole === undefined ? this.text[w]! : addDecimalText(this.text[w]!, String(whole));
  }
}
