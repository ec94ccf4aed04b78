import type { SqliteDatabase } from './driver.js';
import { multiRowInsert } from './multi-row.js';

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
export function eventCustomerIndex(db: SqliteDatabase) {
  const insert = multiRowInsert(db, 'INSERT INTO event_customers (mode, customer_id, ts, seq)', 4, 'ON CONFLICT DO NOTHING');
  return (items: readonly Indexed[]): void => {
    const byCustomer = new Map<string, Indexed[]>();
    for (const it of items) {
      const key = `${it.mode}:${it.event.customerId}`;
      const list = byCustomer.get(key);
      if (list) list.push(it);
      else byCustomer.set(key, [it]);
    }
    const ordered: Indexed[] = [];
    for (const key of [...byCustomer.keys()].sort()) for (const it of byCustomer.get(key)!) ordered.push(it);
    insert(ordered.length, (p, k, i) => {
      const { mode, event } = ordered[i]!;
      p[k] = mode;
      p[k + 1] = event.customerId;
      p[k + 2] = event.timestamp;
      p[k + 3] = event.seq;
    });
  };
}
