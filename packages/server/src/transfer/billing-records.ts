import { formatTimestamp, parseTimestamp } from '@tally/core';
import type { UsageLimit } from '../store/limit-types.js';
import type { Meter, NewMeter } from '../store/meter-types.js';
import type { Plan, Subscription } from '../store/plan-types.js';
import type { Mode } from '../store/types.js';

/** Export lines for meters, plans, subscriptions and usage limits (snake_case, as the API). */
export type BillingRecord =
  | ({ type: 'meter'; mode: Mode; id: string; archived: boolean } & Record<string, unknown>)
  | ({ type: 'plan' | 'subscription' | 'usage_limit'; mode: Mode; id: string } & Record<string, unknown>);

const time = formatTimestamp;

export const meterRecord = (m: Meter): BillingRecord => ({
  type: 'meter', mode: m.mode, id: m.id, name: m.name, event_name: m.eventName, aggregation: m.aggregation,
  measurement_unit: m.measurementUnit, description: m.description, filter: m.filter, group_by_keys: m.groupKeys,
  archived: m.archived, created_at: time(m.createdAt),
});

export const planRecord = (p: Plan): BillingRecord => ({
  type: 'plan', mode: p.mode, id: p.id, name: p.name, currency: p.currency, billing_interval: p.billingInterval,
  components: p.components.map((c) => ({ meter_id: c.meterId, price_per_unit: c.pricePerUnit, free_threshold: c.freeThreshold })),
  created_at: time(p.createdAt),
});

export const subscriptionRecord = (s: Subscription): BillingRecord => ({
  type: 'subscription', mode: s.mode, id: s.id, customer_id: s.customerId, plan_id: s.planId,
  billing_anchor: time(s.billingAnchor), created_at: time(s.createdAt),
});

export const limitRecord = (l: UsageLimit): BillingRecord => ({
  type: 'usage_limit', mode: l.mode, id: l.id, meter_id: l.meterId, customer_id: l.customerId, plan_id: l.planId,
  limit: l.limit, created_at: time(l.createdAt), updated_at: time(l.updatedAt),
});

// Reading back: a missing or mistyped field is a TypeError naming it.
export function reader(rec: Record<string, unknown>) {
  const fail = (k: string, what: string): never => {
    throw new TypeError(`${k} ${what}`);
  };
  const str = (k: string) => (typeof rec[k] === 'string' ? (rec[k] as string) : fail(k, 'must be a string'));
  const opt = (k: string) => (rec[k] === null || rec[k] === undefined ? null : str(k));
  const ms = (k: string) => parseTimestamp(String(rec[k])) ?? fail(k, 'must be an RFC 3339 date-time');
  const obj = <T>(k: string) => (rec[k] !== null && typeof rec[k] === 'object' ? (rec[k] as T) : fail(k, 'must be an object'));
  return { str, opt, ms, obj, id: str('id') };
}

export function newMeterOf(mode: Mode, rec: Record<string, unknown>): NewMeter {
  const r = reader(rec);
  return {
    id: r.id, mode, name: r.str('name'), eventName: r.str('event_name'), aggregation: r.obj('aggregation'),
    measurementUnit: r.str('measurement_unit'), description: r.opt('description'),
    filter: rec.filter === null || rec.filter === undefined ? null : r.obj('filter'),
    groupKeys: Array.isArray(rec.group_by_keys) ? (rec.group_by_keys as string[]) : [], createdAt: r.ms('created_at'),
  };
}

export function planOf(mode: Mode, rec: Record<string, unknown>): Plan {
  const r = reader(rec);
  const parts = r.obj<Array<Record<string, string>>>('components');
  return {
    id: r.id, mode, name: r.str('name'), currency: r.str('currency'), billingInterval: r.obj('billing_interval'),
    components: parts.map((c) => ({ meterId: c.meter_id!, pricePerUnit: c.price_per_unit!, freeThreshold: c.free_threshold! })),
    createdAt: r.ms('created_at'),
  };
}

export function subscriptionOf(mode: Mode, rec: Record<string, unknown>): Subscription {
  const r = reader(rec);
  return { id: r.id, mode, customerId: r.str('customer_id'), planId: r.str('plan_id'), billingAnchor: r.ms('billing_anchor'), createdAt: r.ms('created_at') };
}

export function limitOf(mode: Mode, rec: Record<string, unknown>): UsageLimit {
  const r = reader(rec);
  return {
    id: r.id, mode, meterId: r.str('meter_id'), customerId: r.opt('customer_id'), planId: r.opt('plan_id'),
    limit: r.str('limit'), createdAt: r.ms('created_at'), updatedAt: r.ms('updated_at'),
  };
}
