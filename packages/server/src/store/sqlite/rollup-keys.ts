import type { SqliteDatabase } from './driver.js';

/**
 * Rollup rows name meters, customers and groups by small integers: shorter
 * keys, faster upserts. Meter keys are cached for good (meters are never
 * deleted, and are created in their own transactions). Customer and group
 * keys may be created by the very transaction that later rolls back, so they
 * are cached only within one transaction: call begin() at its start.
 */
export class RollupKeys {
  private readonly meters = new Map<string, number>();
  private readonly customers = new Map<string, number>();
  private readonly groups = new Map<string, number>();
  private readonly meterKey;
  private readonly findCustomer;
  private readonly addCustomer;
  private readonly findGroup;
  private readonly addGroup;

  constructor(db: SqliteDatabase) {
    this.meterKey = db.prepare('SELECT mkey FROM meters WHERE mode = ? AND id = ?');
    this.findCustomer = db.prepare('SELECT ckey FROM rollup_customers WHERE mode = ? AND customer_id = ?');
    this.addCustomer = db.prepare('INSERT INTO rollup_customers (mode, customer_id) VALUES (?, ?) RETURNING ckey');
    this.findGroup = db.prepare('SELECT gkey FROM rollup_groups WHERE mkey = ? AND name = ? AND value = ?');
    this.addGroup = db.prepare('INSERT INTO rollup_groups (mkey, name, value) VALUES (?, ?, ?) RETURNING gkey');
  }

  meter(mode: number, id: string): number | undefined {
    const k = `${mode}:${id}`;
    let key = this.meters.get(k);
    if (key === undefined) {
      key = (this.meterKey.get(mode, id) as { mkey: number } | undefined)?.mkey;
      if (key !== undefined) this.meters.set(k, key);
    }
    return key;
  }

  /** Must run inside a write transaction (it may insert). */
  customer(mode: number, customerId: string): number {
    const k = `${mode}:${customerId}`;
    let key = this.customers.get(k);
    if (key === undefined) {
      const row = this.findCustomer.get(mode, customerId) as { ckey: number } | undefined;
      key = (row ?? (this.addCustomer.get(mode, customerId) as { ckey: number })).ckey;
      this.remember(this.customers, k, key);
    }
    return key;
  }

  /** 0 for the plain (ungrouped) row. Must run inside a write transaction. */
  group(mkey: number, group: { key: string; value: string } | null): number {
    if (group === null) return 0;
    const k = `${mkey}\u0000${group.key}\u0000${group.value}`;
    let key = this.groups.get(k);
    if (key === undefined) {
      const row = this.findGroup.get(mkey, group.key, group.value) as { gkey: number } | undefined;
      key = (row ?? (this.addGroup.get(mkey, group.key, group.value) as { gkey: number })).gkey;
      this.remember(this.groups, k, key);
    }
    return key;
  }

  begin(): void {
    this.customers.clear();
    this.groups.clear();
  }

  private remember(map: Map<string, number>, k: string, v: number): void {
    map.set(k, v);
  }
}
