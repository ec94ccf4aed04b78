import type { Store } from '../store/store.js';
import { MODES, type Mode, type StoredEvent } from '../store/types.js';
import { limitRecord, meterRecord, planRecord, subscriptionRecord, type BillingRecord } from './billing-records.js';
import { customerRecord, eventRecord, EXPORT_VERSION, type ExportRecord } from './records.js';
import { scanCustomers, scanEvents } from './scan.js';

/** How many records of each type were written. */
export type ExportCounts = Record<string, number>;

async function* pages<T>(read: (limit: number, offset: number) => Promise<T[]>, size = 500): AsyncGenerator<T> {
  for (let offset = 0; ; offset += size) {
    const rows = await read(size, offset);
    yield* rows;
    if (rows.length < size) return;
  }
}

/** Meters, plans, subscriptions and limits of a mode, each after what it refers to. */
async function* billing(store: Store, mode: Mode): AsyncGenerator<BillingRecord> {
  for (const archived of [false, true]) {
    for await (const m of pages((limit, offset) => store.meters.list(mode, { archived, limit, offset }))) yield meterRecord(m);
  }
  for await (const p of pages((limit, offset) => store.plans.listPlans(mode, { limit, offset }))) yield planRecord(p);
  for await (const c of scanCustomers(store, mode)) {
    for (const s of await store.plans.subscriptionsOf(mode, c.id)) yield subscriptionRecord(s);
  }
  for (const l of await store.limits.list(mode, {})) yield limitRecord(l);
}

/**
 * Everything in the store as records, in the order an import needs them:
 * a header, customers, meters, plans, subscriptions, limits, then events.
 */
export async function* exportRecords(store: Store, counts: ExportCounts = {}): AsyncGenerator<ExportRecord | BillingRecord> {
  const count = (type: string) => (counts[type] = (counts[type] ?? 0) + 1);
  yield { type: 'tally_export', version: EXPORT_VERSION, exported_at: new Date().toISOString() };
  for (const mode of MODES) {
    for await (const c of scanCustomers(store, mode)) (count('customer'), yield customerRecord(c));
  }
  for (const mode of MODES) {
    for await (const r of billing(store, mode)) (count(r.type), yield r);
  }
  for (const mode of MODES) {
    for await (const e of arrivalOrderWithinMillisecond(scanEvents(store, mode))) (count('event'), yield eventRecord(mode, e));
  }
}

/**
 * Newest millisecond first, but within one millisecond in arrival order, so
 * an import (which stores in file order) lists ties exactly as the source did.
 */
async function* arrivalOrderWithinMillisecond(events: AsyncIterable<StoredEvent>): AsyncGenerator<StoredEvent> {
  let group: StoredEvent[] = [];
  for await (const e of events) {
    if (group.length > 0 && group[0]!.timestamp !== e.timestamp) {
      yield* group.reverse();
      group = [];
    }
    group.push(e);
  }
  yield* group.reverse();
}
