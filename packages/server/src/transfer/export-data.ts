import type { Store } from '../store/store.js';
import { MODES, type StoredEvent } from '../store/types.js';
import { customerRecord, eventRecord, EXPORT_VERSION, type ExportRecord } from './records.js';
import { scanCustomers, scanEvents } from './scan.js';

export interface ExportCounts {
  customers: number;
  events: number;
}

/**
 * Everything in the store as records, in the order an import needs them:
 * a header, customers, then events (both modes each).
 */
export async function* exportRecords(store: Store, counts: ExportCounts = { customers: 0, events: 0 }): AsyncGenerator<ExportRecord> {
  yield { type: 'tally_export', version: EXPORT_VERSION, exported_at: new Date().toISOString() };
  for (const mode of MODES) {
    for await (const c of scanCustomers(store, mode)) {
      counts.customers++;
      yield customerRecord(c);
    }
  }
  for (const mode of MODES) {
    for await (const e of arrivalOrderWithinMillisecond(scanEvents(store, mode))) {
      counts.events++;
      yield eventRecord(mode, e);
    }
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
