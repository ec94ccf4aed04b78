import type { LimitQuery, LimitStore, UsageLimit } from '../limit-types.js';
import { modeCode } from '../mode-code.js';
import type { Mode } from '../types.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

interface Row {
  id: string; meter_id: string; customer_id: string | null; plan_id: string | null; limit_value: string; created_at: number; updated_at: number;
}

const COLS = 'id, meter_id, customer_id, plan_id, limit_value, created_at, updated_at';

const toLimit = (mode: Mode) => (r: Row): UsageLimit => ({
  id: r.id, mode, meterId: r.meter_id, customerId: r.customer_id, planId: r.plan_id, limit: r.limit_value, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** One row per (meter, target); `target` is 'customer:<id>' or 'plan:<id>' so one unique index covers both. */
export const limitTarget = (l: Pick<UsageLimit, 'customerId' | 'planId'>): string =>
  l.customerId !== null ? `customer:${l.customerId}` : `plan:${l.planId}`;

export function sqliteLimits(db: SqliteDatabase): LimitStore {
  const upsert = db.prepare(`INSERT INTO usage_limits (mode, id, meter_id, target, customer_id, plan_id, limit_value, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (mode, meter_id, target) DO UPDATE SET limit_value = excluded.limit_value, updated_at = excluded.updated_at
    RETURNING ${COLS}`);
  const applicable = db.prepare(`SELECT ${COLS} FROM usage_limits WHERE mode = ? AND (customer_id = ? OR plan_id IN (SELECT value FROM json_each(?)))
    ORDER BY meter_id, created_at`);
  const del = db.prepare('DELETE FROM usage_limits WHERE mode = ? AND id = ?');
  const customer = db.prepare('SELECT id FROM customers WHERE mode = ? AND (id = ? OR external_id = ?) ORDER BY id = ? DESC LIMIT 1');

  return {
    async upsert(l) {
      return guard(() => {
        const row = upsert.get(modeCode(l.mode), l.id, l.meterId, limitTarget(l), l.customerId, l.planId, l.limit, l.createdAt, l.updatedAt) as Row;
        return toLimit(l.mode)(row);
      });
    },
    async list(mode, q: LimitQuery) {
      const where = ['mode = ?'];
      const params: unknown[] = [modeCode(mode)];
      if (q.customerId !== undefined) (where.push('customer_id = ?'), params.push(q.customerId));
      if (q.planId !== undefined) (where.push('plan_id = ?'), params.push(q.planId));
      if (q.meterId !== undefined) (where.push('meter_id = ?'), params.push(q.meterId));
      const sql = `SELECT ${COLS} FROM usage_limits WHERE ${where.join(' AND ')} ORDER BY created_at, id`;
      return guard(() => (db.prepare(sql).all(...params) as Row[]).map(toLimit(mode)));
    },
    async applicable(mode, customerId, planIds) {
      return guard(() => (applicable.all(modeCode(mode), customerId, JSON.stringify(planIds)) as Row[]).map(toLimit(mode)));
    },
    async resolveCustomer(mode, id) {
      return guard(() => (customer.get(modeCode(mode), id, id, id) as { id: string } | undefined)?.id);
    },
    async delete(mode, id) {
      return guard(() => del.run(modeCode(mode), id).changes === 1);
    },
  };
}
