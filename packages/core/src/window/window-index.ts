import type { TimeRange } from './window-size.js';

/** The index of the window (sorted, non-overlapping) holding `ts`, or -1: a binary search. */
export function windowIndex(windows: readonly TimeRange[], ts: number): number {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ts < windows[mid]!.start) hi = mid - 1;
    else if (ts >= windows[mid]!.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
