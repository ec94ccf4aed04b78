import { Decimal, isCurrency, MAX_INTERVAL_COUNT, newId, type BillingUnit } from '@tally/core';
import { InvalidInputError, NotFoundError } from '../errors/domain-error.js';
import type { Plan, PlanComponent, Subscription } from '../store/plan-types.js';
import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';

export interface NewPlan {
  name: string;
  currency: string;
  billing_interval: { unit: string; count: number };
  components: Array<{ meter_id: string; price_per_unit: string; free_threshold?: number | string }>;
}

const UNITS: readonly string[] = ['day', 'week', 'month', 'year'];

/** A non-negative exact decimal, or an issue naming the field. */
function amount(value: unknown, field: string, issues: Array<{ field: string; message: string }>): string {
  const d = typeof value === 'number' ? (Number.isFinite(value) ? Decimal.fromNumber(value) : undefined)
    : typeof value === 'string' ? Decimal.tryParse(value) : undefined;
  if (!d) issues.push({ field, message: 'must be a decimal number (a string such as "0.0025")' });
  else if (d.sign() < 0) issues.push({ field, message: 'must not be negative' });
  return d?.toString() ?? '0';
}

export class PlanService {
  constructor(private readonly store: Store) {}

  async createPlan(mode: Mode, body: NewPlan): Promise<Plan> {
    const issues: Array<{ field: string; message: string }> = [];
    const currency = body.currency.toUpperCase();
    if (!isCurrency(currency)) issues.push({ field: 'currency', message: `unknown ISO 4217 currency ${JSON.stringify(body.currency)}` });
    const { unit, count } = body.billing_interval;
    if (!UNITS.includes(unit)) issues.push({ field: 'billing_interval.unit', message: `must be one of ${UNITS.join(', ')}` });
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_INTERVAL_COUNT) {
      issues.push({ field: 'billing_interval.count', message: `must be an integer from 1 to ${MAX_INTERVAL_COUNT}` });
    }
    const seen = new Set<string>();
    const components: PlanComponent[] = [];
    for (const [i, c] of body.components.entries()) {
      if (seen.has(c.meter_id)) issues.push({ field: `components[${i}].meter_id`, message: 'names a meter already priced in this plan' });
      seen.add(c.meter_id);
      if (!(await this.store.meters.get(mode, c.meter_id))) issues.push({ field: `components[${i}].meter_id`, message: `no meter ${c.meter_id} in this mode` });
      components.push({
        meterId: c.meter_id,
        pricePerUnit: amount(c.price_per_unit, `components[${i}].price_per_unit`, issues),
        freeThreshold: amount(c.free_threshold ?? 0, `components[${i}].free_threshold`, issues),
      });
    }
    if (issues.length > 0) throw new InvalidInputError(`invalid plan: ${issues.map((x) => `${x.field} ${x.message}`).join('; ')}`, { issues });
    return this.store.plans.createPlan({
      id: newId('pln'), mode, name: body.name, currency, billingInterval: { unit: unit as BillingUnit, count }, components, createdAt: Date.now(),
    });
  }

  async getPlan(mode: Mode, id: string): Promise<Plan> {
    const p = await this.store.plans.getPlan(mode, id);
    if (!p) throw new NotFoundError('plan', id);
    return p;
  }

  listPlans(mode: Mode, q: { limit: number; offset: number }): Promise<Plan[]> {
    return this.store.plans.listPlans(mode, q);
  }

  async subscribe(mode: Mode, customerId: string, planId: string, billingAnchor: number): Promise<Subscription> {
    if (!(await this.store.customers.get(mode, customerId))) throw new NotFoundError('customer', customerId);
    if (!(await this.store.plans.getPlan(mode, planId))) throw new InvalidInputError(`plan ${planId} does not exist`, { field: 'plan_id' });
    if (billingAnchor % 60_000 !== 0) {
      throw new InvalidInputError('billing_anchor must fall on a whole minute (usage is kept per minute)', { field: 'billing_anchor' });
    }
    return this.store.plans.createSubscription({ id: newId('sub'), mode, customerId, planId, billingAnchor, createdAt: Date.now() });
  }
}
