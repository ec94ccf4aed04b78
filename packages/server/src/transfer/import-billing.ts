import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import { limitOf, newMeterOf, planOf, subscriptionOf } from './billing-records.js';

export type BillingType = 'meter' | 'plan' | 'subscription' | 'usage_limit';
export const BILLING_TYPES: readonly string[] = ['meter', 'plan', 'subscription', 'usage_limit'];

/**
 * Creates what a billing record describes, keeping its ID, unless it already
 * exists (a re-import). Returns whether it created something; `meterCreated`
 * is told of new meters, whose backfill must count events already stored.
 */
export async function importBilling(
  store: Store, mode: Mode, type: BillingType, rec: Record<string, unknown>, meterCreated: (id: string) => void,
): Promise<boolean> {
  switch (type) {
    case 'meter': {
      const m = newMeterOf(mode, rec);
      if (await store.meters.get(mode, m.id)) return false;
      await store.meters.create(m);
      if (rec.archived === true) await store.meters.setArchived(mode, m.id, true, m.createdAt);
      else meterCreated(m.id);
      return true;
    }
    case 'plan': {
      const p = planOf(mode, rec);
      if (await store.plans.getPlan(mode, p.id)) return false;
      await store.plans.createPlan(p);
      return true;
    }
    case 'subscription': {
      const s = subscriptionOf(mode, rec);
      if ((await store.plans.subscriptionsOf(mode, s.customerId)).some((x) => x.id === s.id)) return false;
      await store.plans.createSubscription(s);
      return true;
    }
    case 'usage_limit': {
      const l = limitOf(mode, rec);
      const same = await store.limits.list(mode, { meterId: l.meterId, customerId: l.customerId ?? undefined, planId: l.planId ?? undefined });
      if (same.some((x) => x.id === l.id && x.limit === l.limit)) return false;
      await store.limits.upsert(l);
      return true;
    }
  }
}
