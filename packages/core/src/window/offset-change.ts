import { zoneOffset } from './time-zone.js';

/**
 * The first instant in (lo, hi] whose UTC offset differs from the offset at
 * `lo`, by bisection. The caller knows the offsets at lo and hi differ and that
 * one transition lies between (zones never change twice within hours).
 */
export function nextOffsetChange(lo: number, hi: number, timeZone: string): number {
  const from = zoneOffset(lo, timeZone);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (zoneOffset(mid, timeZone) === from) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Sampling step when scanning a range for offset changes. */
const STEP = 6 * 3_600_000;

/**
 * Splits [start, end) at every UTC-offset change into spans of constant
 * offset. Samples every 6 hours: real zones never change offset twice that fast.
 */
export function offsetSpans(start: number, end: number, timeZone: string): { start: number; end: number; offset: number }[] {
  const spans: { start: number; end: number; offset: number }[] = [];
  let spanStart = start;
  let offset = zoneOffset(start, timeZone);
  let probe = start;
  while (probe < end - 1) {
    const next = Math.min(probe + STEP, end - 1);
    const nextOffset = zoneOffset(next, timeZone);
    if (nextOffset !== offset) {
      const change = nextOffsetChange(probe, next, timeZone);
      spans.push({ start: spanStart, end: change, offset });
      spanStart = change;
      offset = nextOffset;
    }
    probe = next;
  }
  spans.push({ start: spanStart, end, offset });
  return spans;
}
