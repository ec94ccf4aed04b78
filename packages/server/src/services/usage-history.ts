import { billingPeriods, formatTimestamp, priceComponent } from '@tally/core';
import { InvalidInputError, NotFoundError } from '../errors/domain-error.js';
import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import { queryUsage } from './usage-service.js';

export interface HistoryMeter {
  id: string;
  name: string;
  consumed_units: string;
  free_threshold: number;
  chargeable_units: string;
  price_per_unit: string;
  currency: string;
  total_price: number;
}

/** One billing period in the shape of upstream's SubscriptionRetrieveUsageHistoryResponse. */
export interface HistoryPeriod {
  start_date: string;
  end_date: string;
  subscription_id: string;
  meters: HistoryMeter[];
}

export interface HistoryQuery {
  start?: number;
  end?: number;
  meterId?: string;
  now: number;
}

/**
 * Per billing period of each of the customer's subscriptions, per priced
 * meter: usage from rollups, priced exactly by core (chargeable = consumed −
 * free, total in minor units, rounded once). Newest period first.
 */
export async function usageHistory(store: Store, mode: Mode, customerId: string, q: HistoryQuery): Promise<HistoryPeriod[]> {
  if (!(await store.customers.get(mode, customerId))) throw new NotFoundError('customer', customerId);
  const out: Array<HistoryPeriod & { startMs: number }> = [];
  for (const sub of await store.plans.subscriptionsOf(mode, customerId)) {
    const plan = await store.plans.getPlan(mode, sub.planId);
    if (!plan) continue;
    let periods;
    try {
      periods = billingPeriods(sub.billingAnchor, plan.billingInterval, q.start ?? sub.billingAnchor, q.end ?? q.now);
    } catch (err) {
      if (err instanceof RangeError) throw new InvalidInputError(err.message);
      throw err;
    }
    const components = plan.components.filter((c) => q.meterId === undefined || c.meterId === q.meterId);
    for (const p of periods) {
      const meters: HistoryMeter[] = [];
      for (const c of components) {
        const meter = await store.meters.get(mode, c.meterId);
        if (!meter) continue;
        const [item] = await queryUsage(store, mode, meter, { start: p.start, end: p.end, windowSize: 'none', timeZone: 'UTC', customerIds: [customerId] });
        const priced = priceComponent({ consumed: item?.value ?? '0', freeThreshold: c.freeThreshold, pricePerUnit: c.pricePerUnit, currency: plan.currency });
        meters.push({ id: meter.id, name: meter.name, ...priced, free_threshold: Number(priced.free_threshold) });
      }
      out.push({ startMs: p.start, start_date: formatTimestamp(p.start), end_date: formatTimestamp(p.end), subscription_id: sub.id, meters });
    }
  }
  out.sort((a, b) => b.startMs - a.startMs);
  return out.map(({ startMs: _, ...rest }) => rest);
}
