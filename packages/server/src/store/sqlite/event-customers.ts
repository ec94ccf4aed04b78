import type { SqliteDatabase } from './driver.js';
import { multiRowInsert } from './multi-row.js';
import type { RollupKeys } from './rollup-keys.js';

interface Indexed {
  mode: number;
  event: { customerId: string; timestamp: number; seq: number };
}

/**
 * Writes the per-customer event index (table event_customers) for events
 * being folded; the caller holds the fold's transaction. Entries go in
 * customer by customer, so each index page is written once per fold rather
 * than once per commit.
 */
export function eventCustomerIndex(db: SqliteDatabase, keys: RollupKeys) {
  const insert = multiRowInsert(db, 'INSERT INTO event_customers (ckey, ts, seq)', 3, 'ON CONFLICT DO NOTHING');
  return (items: readonly Indexed[]): void => {
    const byCustomer = new Map<number, Indexed[]>();
    for (const it of items) {
      const ckey = keys.customer(it.mode, it.event.customerId);
      const list = byCustomer.get(ckey);
      if (list) list.push(it);
      else byCustomer.set(ckey, [it]);
    }
    const ordered: Array<{ ckey: number; it: Indexed }> = [];
    for (const ckey of [...byCustomer.keys()].sort((a, b) => a - b)) for (const it of byCustomer.get(ckey)!) ordered.push({ ckey, it });
    insert(ordered.length, (p, k, i) => {
      const { ckey, it } = ordered[i]!;
      p[k] = ckey;
      p[k + 1] = it.event.timestamp;
      p[k + 2] = it.event.seq;
    });
  };
}
