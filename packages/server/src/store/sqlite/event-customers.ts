import type { SqliteDatabase } from './driver.js';
import type { SeqEvent } from './event-batch.js';
import { multiRowInsert } from './multi-row.js';
import type { RollupKeys } from './rollup-keys.js';

/**
 * Writes the per-customer event index (table event_customers) for events
 * being folded; the caller holds the fold's transaction. Entries go in
 * customer by customer, so each index page is written once per fold rather
 * than once per commit.
 */
export function eventCustomerIndex(db: SqliteDatabase, keys: RollupKeys) {
  const insert = multiRowInsert(db, 'INSERT INTO event_customers (ckey, ts, seq)', 3, 'ON CONFLICT DO NOTHING');
  return (mode: number, events: readonly SeqEvent[]): void => {
    const byCustomer = new Map<number, SeqEvent[]>();
    for (const e of events) {
      const ckey = keys.customer(mode, e.customerId);
      const list = byCustomer.get(ckey);
      if (list) list.push(e);
      else byCustomer.set(ckey, [e]);
    }
    const ckeys = [...byCustomer.keys()].sort((a, b) => a - b);
    const rows = new Array<number>(events.length * 3);
    let k = 0;
    for (const ckey of ckeys) {
      for (const e of byCustomer.get(ckey)!) (rows[k++] = ckey), (rows[k++] = e.timestamp), (rows[k++] = e.seq);
    }
    insert(events.length, (p, at, i) => {
      p[at] = rows[3 * i];
      p[at + 1] = rows[3 * i + 1];
      p[at + 2] = rows[3 * i + 2];
    });
  };
}
