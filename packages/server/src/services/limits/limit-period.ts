import { billingPeriods, type TimeRange } from '@tally/core';
import type { Store } from '../../store/store.js';
import type { Mode } from '../../store/types.js';

/** The calendar month (UTC) holding `now`. */
export function calendarMonth(now: number): TimeRange {
  const d = new Date(now);
  return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

export interface LimitContext {
  /** The period holding `now`: the newest started subscription's billing period, else the UTC calendar month. */
  period: TimeRange;
  /** Plans of the customer's subscriptions, for plan-wide limits. */
  planIds: string[];
}

export async function limitContext(store: Store, mode: Mode, customerId: string, now: number): Promise<LimitContext> {
  const subs = await store.plans.subscriptionsOf(mode, customerId);
  const planIds = [...new Set(subs.map((s) => s.planId))];
  const current = subs.filter((s) => s.billingAnchor <= now).at(-1);
  const plan = current && (await store.plans.getPlan(mode, current.planId));
  if (!current || !plan) return { period: calendarMonth(now), planIds };
  const [period] = billingPeriods(current.billingAnchor, plan.billingInterval, now, now + 1);
  return { period: period ? { start: period.start, end: period.end } : calendarMonth(now), planIds };
}
