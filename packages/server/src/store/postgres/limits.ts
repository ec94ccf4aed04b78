import type { LimitQuery, LimitStore, UsageLimit } from '../limit-types.js';
import { modeCode } from '../mode-code.js';
import type { Mode } from '../types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

interface Row {
  id: string; meter_id: string; customer_id: string | null; plan_id: string | null; limit_value: string; created_at: number; updated_at: number;
}

const COLS = 'id, meter_id, customer_id, plan_id, limit_value, created_at, updated_at';

const toLimit = (mode: Mode) => (r: Row): UsageLimit => ({
  id: r.id, mode, meterId: r.meter_id, customerId: r.customer_id, planId: r.plan_id, limit: r.limit_value,
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

/** 'customer:<id>' or 'plan:<id>': one unique index covers both kinds of target. */
const target = (l: Pick<UsageLimit, 'customerId' | 'planId'>): string => (l.customerId !== null ? `customer:${l.customerId}` : `plan:${l.planId}`);

export function postgresLimits(pool: PgPool): LimitStore {
  return {
    async upsert(l) {
      const [row] = await guard(() => pool.query<Row>(
        `INSERT INTO usage_limits (mode, id, meter_id, target, customer_id, plan_id, limit_value, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (mode, meter_id, target) DO UPDATE SET limit_value = excluded.limit_value, updated_at = excluded.updated_at
         RETURNING ${COLS}`,
        [modeCode(l.mode), l.id, l.meterId, target(l), l.customerId, l.planId, l.limit, l.createdAt, l.updatedAt],
      ));
      return toLimit(l.mode)(row!);
    },
    async list(mode, q: LimitQuery) {
      const where = ['mode = $1'];
      const params: unknown[] = [modeCode(mode)];
      const add = (sql: string, v: unknown) => (params.push(v), where.push(`${sql} = $${params.length}`));
      if (q.customerId !== undefined) add('customer_id', q.customerId);
      if (q.planId !== undefined) add('plan_id', q.planId);
      if (q.meterId !== undefined) add('meter_id', q.meterId);
      const rows = await guard(() => pool.query<Row>(`SELECT ${COLS} FROM usage_limits WHERE ${where.join(' AND ')} ORDER BY created_at, id`, params));
      return rows.map(toLimit(mode));
    },
    async applicable(mode, customerId, planIds) {
      const rows = await guard(() => pool.query<Row>(
        `SELECT ${COLS} FROM usage_limits WHERE mode = $1 AND (customer_id = $2 OR plan_id = ANY($3::text[])) ORDER BY meter_id, created_at`,
        [modeCode(mode), customerId, planIds],
      ));
      return rows.map(toLimit(mode));
    },
    async resolveCustomer(mode, id) {
      const rows = await guard(() => pool.query<{ id: string }>(
        'SELECT id FROM customers WHERE mode = $1 AND (id = $2 OR external_id = $2) ORDER BY (id = $2) DESC LIMIT 1',
        [modeCode(mode), id],
      ));
      return rows[0]?.id;
    },
    async delete(mode, id) {
      const rows = await guard(() => pool.query('DELETE FROM usage_limits WHERE mode = $1 AND id = $2 RETURNING id', [modeCode(mode), id]));
      return rows.length === 1;
    },
  };
}
