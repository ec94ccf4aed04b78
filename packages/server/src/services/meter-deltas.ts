import { eventContribution, emptyCell, matchesFilter, mergeCells, metadataValue, type ValidEvent } from '@tally/core';
import { accumulate } from './cell-accumulate.js';
import { GRANULARITY_MS, type BucketKey, type CellDelta, type Granularity, type Meter, type MeterDeltas, type UniqueDelta } from '../store/meter-types.js';

const COARSER: readonly Granularity[] = ['hour', 'day'];
const floorTo = (ts: number, size: number) => ts - (((ts % size) + size) % size);
type Group = BucketKey['group'];

/** The plain row and one row per declared group key. */
function groupsOf(meter: Meter, e: ValidEvent): Group[] {
  const out: Group[] = [null];
  for (const key of meter.groupKeys) out.push({ key, value: JSON.stringify(metadataValue(e.metadata, key) ?? null) });
  return out;
}

/** Each event's minute bucket and plain cell key, computed once for all meters. */
export interface SharedKeys {
  buckets: number[];
  plain: string[];
}

export function sharedKeys(events: readonly ValidEvent[]): SharedKeys {
  const buckets = new Array<number>(events.length);
  const plain = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    buckets[i] = floorTo(events[i]!.timestamp, GRANULARITY_MS.minute);
    plain[i] = keyOf(events[i]!.customerId, buckets[i]!, null);
  }
  return { buckets, plain };
}

const COUNTED = { counts: true, value: null, unique: null } as const;

const keyOf = (customerId: string, bucket: number, group: Group) =>
  group === null ? `${customerId}\u0000${bucket}` : `${customerId}\u0000${bucket}\u0000${group.key}\u0000${group.value}`;

/**
 * What `events` add to one meter's rollups, merged in memory per (bucket,
 * customer, group), so one upsert covers many events. Events fill minute
 * cells; hour and day cells are merged from those, which costs a fraction of
 * visiting every event three times. Domain rules (name, filter, contribution)
 * are core's.
 */
export function deltasForMeter(meter: Meter, events: readonly ValidEvent[], shared?: SharedKeys): MeterDeltas {
  const minute = new Map<string, CellDelta>();
  const uniques = new Map<string, UniqueDelta>();
  const agg = meter.aggregation;
  const plain: Group[] = [null];
  const keys = shared ?? sharedKeys(events);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.eventName !== meter.eventName || (meter.filter !== null && !matchesFilter(meter.filter, e.metadata))) continue;
    const c = agg.type === 'count' ? COUNTED : eventContribution(agg, e.metadata);
    if (!c.counts) continue;
    const bucket = keys.buckets[i]!;
    for (const group of meter.groupKeys.length === 0 ? plain : groupsOf(meter, e)) {
      const k = group === null ? keys.plain[i]! : keyOf(e.customerId, bucket, group);
      let d = minute.get(k);
      if (!d) minute.set(k, (d = { gran: 'minute', bucket, customerId: e.customerId, group, cell: emptyCell() }));
      accumulate(agg.type, d.cell, c.value, e.timestamp, e.eventId);
      if (c.unique !== null) addUnique(uniques, 'minute', bucket, e.customerId, group, c.unique);
    }
  }
  const cells = [...minute.values()];
  for (const gran of COARSER) {
    const coarse = new Map<string, CellDelta>();
    for (const d of minute.values()) {
      const bucket = floorTo(d.bucket, GRANULARITY_MS[gran]);
      const k = keyOf(d.customerId, bucket, d.group);
      const have = coarse.get(k);
      if (have) have.cell = mergeCells(have.cell, d.cell);
      else coarse.set(k, { gran, bucket, customerId: d.customerId, group: d.group, cell: { ...d.cell } });
    }
    cells.push(...coarse.values());
  }
  const fine = [...uniques.values()];
  for (const gran of COARSER) {
    for (const u of fine) addUnique(uniques, gran, floorTo(u.bucket, GRANULARITY_MS[gran]), u.customerId, u.group, u.value);
  }
  return { meterId: meter.id, type: agg.type, cells, uniques: [...uniques.values()] };
}

function addUnique(into: Map<string, UniqueDelta>, gran: Granularity, bucket: number, customerId: string, group: Group, value: string): void {
  const k = `${gran[0]}${keyOf(customerId, bucket, group)}\u0000${value}`;
  if (!into.has(k)) into.set(k, { gran, bucket, customerId, group, value });
}

/** Deltas for every meter that counts events of these names. */
export function deltasFor(meters: readonly Meter[], events: readonly ValidEvent[]): MeterDeltas[] {
  const names = new Set(events.map((e) => e.eventName));
  const counting = meters.filter((m) => names.has(m.eventName));
  const shared = counting.length > 1 ? sharedKeys(events) : undefined;
  return counting.map((m) => deltasForMeter(m, events, shared));
}
