import { zoneOffset } from './time-zone.js';

const DAY = 86_400_000;

/**
 * The instant at which the zone's clocks read `wall` (epoch ms of that reading
 * in UTC). Resolves the two awkward cases the way Temporal's "compatible"
 * option does:
 * - a reading that happens twice (clocks going back) → the earlier instant;
 * - a reading that never happens (clocks going forward) → shifted forward by
 *   the gap, so local midnight in a gap resolves to the day's first instant.
 */
export function localToUtc(wall: number, timeZone: string): number {
  // Offsets either side of any transition near `wall` (zones move < 1 day).
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  // Of the candidate instants, keep those where the zone really shows `wall`.
  if (zoneOffset(early, timeZone) === wall - early) return early;
  if (before !== after && zoneOffset(late, timeZone) === wall - late) return late;
  // A gap: read `wall` with the offset in force before the jump.
  return wall - before;
}
