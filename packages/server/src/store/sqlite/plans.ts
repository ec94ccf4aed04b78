import type { PlanStore } from '../plan-types.js';
import { modeCode } from '../mode-code.js';
import { planFromRow, subscriptionFromRow, type PlanRow as Row, type SubscriptionRow } from '../rows.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';

type PlanRow = Row<string>;

const toPlan = (r: PlanRow) => planFromRow({ ...r, components: JSON.parse(r.components) });
const toSubscription = subscriptionFromRow;

export function sqlitePlans(db: SqliteDatabase): PlanStore {
  const insertPlan = db.prepare(
    `INSERT INTO plans (mode, id, name, currency, interval_unit, interval_count, components, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const planById = db.prepare('SELECT * FROM plans WHERE mode = ? AND id = ?');
  const listPlans = db.prepare('SELECT * FROM plans WHERE mode = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?');
  const insertSub = db.prepare(
    'INSERT INTO subscriptions (mode, id, customer_id, plan_id, billing_anchor, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const subsOf = db.prepare('SELECT * FROM subscriptions WHERE mode = ? AND customer_id = ? ORDER BY created_at, id');
  return {
    async createPlan(p) {
      guard(() => insertPlan.run(modeCode(p.mode), p.id, p.name, p.currency, p.billingInterval.unit, p.billingInterval.count,
        JSON.stringify(p.components), p.createdAt));
      return p;
    },
    async getPlan(mode, id) {
      const row = guard(() => planById.get(modeCode(mode), id) as PlanRow | undefined);
      return row && toPlan(row);
    },
    async listPlans(mode, q) {
      return guard(() => (listPlans.all(modeCode(mode), q.limit, q.offset) as PlanRow[]).map(toPlan));
    },
    async createSubscription(s) {
      guard(() => insertSub.run(modeCode(s.mode), s.id, s.customerId, s.planId, s.billingAnchor, s.createdAt));
      return s;
    },
    async subscriptionsOf(mode, customerId) {
      return guard(() => (subsOf.all(modeCode(mode), customerId) as SubscriptionRow[]).map(toSubscription));
    },
  };
}
