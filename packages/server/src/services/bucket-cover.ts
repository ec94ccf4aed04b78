import { GRANULARITY_MS, type Granularity } from '../store/meter-types.js';

/** A span answered from buckets of one granularity: [start, end) is a whole number of them. */
export interface Piece {
  gran: Granularity;
  start: number;
  end: number;
}

const ceilTo = (t: number, size: number) => t + ((size - (((t % size) + size) % size)) % size);
const floorTo = (t: number, size: number) => t - (((t % size) + size) % size);

const COARSER: Record<Granularity, Granularity | null> = { day: 'hour', hour: 'minute', minute: null };

function cover(start: number, end: number, gran: Granularity, out: Piece[]): void {
  if (start >= end) return;
  const size = GRANULARITY_MS[gran];
  const finer = COARSER[gran];
  const a = ceilTo(start, size);
  const b = floorTo(end, size);
  if (a >= b || finer === null) {
    if (finer === null) {
      if (a !== start || b !== end) throw new RangeError('usage is kept per minute: start, end and window boundaries must fall on whole minutes');
      out.push({ gran, start, end });
    } else cover(start, end, finer, out);
    return;
  }
  if (finer) cover(start, a, finer, out);
  out.push({ gran, start: a, end: b });
  if (finer) cover(b, end, finer, out);
}

/**
 * The fewest UTC-aligned buckets that tile [start, end) exactly: whole days in
 * the middle, hours and then minutes at the edges. A UTC day window is one day
 * bucket; a day in a zone with a whole-hour offset is hours; +05:45 needs
 * minutes at its edges. Throws RangeError when the range is not on whole minutes.
 */
export function coverRange(start: number, end: number): Piece[] {
  const out: Piece[] = [];
  cover(start, end, 'day', out);
  return out;
}

/** Adjacent pieces of one granularity merged, so each run is one range read. */
export function mergeRuns(pieces: readonly Piece[]): Piece[] {
  const runs: Piece[] = [];
  const open = new Map<Granularity, Piece>();
  for (const p of pieces) {
    const last = open.get(p.gran);
    if (last && last.end === p.start) last.end = p.end;
    else {
      const run = { ...p };
      runs.push(run);
      open.set(p.gran, run);
    }
  }
  return runs;
}
