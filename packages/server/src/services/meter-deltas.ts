import { eventContribution, emptyCell, matchesFilter, metadataValue, type ValidEvent } from '@tally/core';
import { accumulate } from './cell-accumulate.js';
import { GRANULARITY_MS, type BucketKey, type CellDelta, type Granularity, type Meter, type MeterDeltas, type UniqueDelta } from '../store/meter-types.js';

const GRANS: readonly Granularity[] = ['minute', 'hour', 'day'];
const PLAIN: Array<BucketKey['group']> = [null];

const floorTo = (ts: number, size: number) => ts - (((ts % size) + size) % size);

/** The plain row and one row per declared group key, as BucketKey groups. */
function groupsOf(meter: Meter, e: ValidEvent): Array<BucketKey['group']> {
  const out: Array<BucketKey['group']> = [null];
  for (const key of meter.groupKeys) out.push({ key, value: JSON.stringify(metadataValue(e.metadata, key) ?? null) });
  return out;
}

/**
 * What `events` add to one meter's rollups, merged in memory per (bucket,
 * customer, group) at each granularity, so one upsert covers many events.
 * Domain rules (name, filter, contribution) are core's.
 */
export function deltasForMeter(meter: Meter, events: readonly ValidEvent[]): MeterDeltas {
  const cells = new Map<string, CellDelta>();
  const uniques = new Map<string, UniqueDelta>();
  const agg = meter.aggregation;
  for (const e of events) {
    if (e.eventName !== meter.eventName || !matchesFilter(meter.filter, e.metadata)) continue;
    const c = eventContribution(agg, e.metadata);
    if (!c.counts) continue;
    const groups = meter.groupKeys.length === 0 ? PLAIN : groupsOf(meter, e);
    for (const gran of GRANS) {
      const bucket = floorTo(e.timestamp, GRANULARITY_MS[gran]);
      const prefix = `${gran[0]}${bucket}\u0000${e.customerId}`;
      for (const group of groups) {
        const base = group === null ? prefix : `${prefix}\u0000${group.key}\u0000${group.value}`;
        let d = cells.get(base);
        if (!d) cells.set(base, (d = { gran, bucket, customerId: e.customerId, group, cell: emptyCell() }));
        accumulate(agg.type, d.cell, c.value, e.timestamp, e.eventId);
        if (c.unique !== null) {
          const k = `${base}\u0000${c.unique}`;
          if (!uniques.has(k)) uniques.set(k, { gran, bucket, customerId: e.customerId, group, value: c.unique });
        }
      }
    }
  }
  return { meterId: meter.id, type: agg.type, cells: [...cells.values()], uniques: [...uniques.values()] };
}

/** Deltas for every meter that counts events of these names. */
export function deltasFor(meters: readonly Meter[], events: readonly ValidEvent[]): MeterDeltas[] {
  const names = new Set(events.map((e) => e.eventName));
  return meters.filter((m) => names.has(m.eventName)).map((m) => deltasForMeter(m, events));
}
