import type { PlanStore } from '../plan-types.js';
import { modeCode } from '../mode-code.js';
import { planFromRow, subscriptionFromRow, type PlanRow, type SubscriptionRow } from '../rows.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

const toPlan = planFromRow;
const toSubscription = subscriptionFromRow;

export function postgresPlans(pool: PgPool): PlanStore {
  return {
    async createPlan(p) {
      await guard(() => pool.query(
        `INSERT INTO plans (mode, id, name, currency, interval_unit, interval_count, components, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text::json, $8)`,
        [modeCode(p.mode), p.id, p.name, p.currency, p.billingInterval.unit, p.billingInterval.count, JSON.stringify(p.components), p.createdAt],
      ));
      return p;
    },
    async getPlan(mode, id) {
      const [row] = await guard(() => pool.query<PlanRow>('SELECT * FROM plans WHERE mode = $1 AND id = $2', [modeCode(mode), id]));
      return row && toPlan(row);
    },
    async listPlans(mode, q) {
      const rows = await guard(() => pool.query<PlanRow>(
        'SELECT * FROM plans WHERE mode = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3', [modeCode(mode), q.limit, q.offset],
      ));
      return rows.map(toPlan);
    },
    async createSubscription(s) {
      await guard(() => pool.query(
        'INSERT INTO subscriptions (mode, id, customer_id, plan_id, billing_anchor, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [modeCode(s.mode), s.id, s.customerId, s.planId, s.billingAnchor, s.createdAt],
      ));
      return s;
    },
    async subscriptionsOf(mode, customerId) {
      const rows = await guard(() => pool.query<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE mode = $1 AND customer_id = $2 ORDER BY created_at, id', [modeCode(mode), customerId],
      ));
      return rows.map(toSubscription);
    },
  };
}
