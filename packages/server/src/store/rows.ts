import { modeOf } from './mode-code.js';
import type { Filter } from '@tally/core';
import type { Meter } from './meter-types.js';
import type { Plan, PlanComponent, Subscription } from './plan-types.js';
import type { ApiKey, Customer } from './types.js';

// Rows as both adapters read them (same column names); each adapter decodes
// only what its driver returns differently (JSON text, 0/1 booleans) first.

export interface CustomerRow<M = Record<string, string>> {
  mode: number;
  id: string;
  external_id: string | null;
  name: string;
  email: string;
  phone_number: string | null;
  metadata: M;
  created_at: number;
}

export const customerFromRow = (r: CustomerRow): Customer => ({
  id: r.id,
  mode: modeOf(r.mode),
  externalId: r.external_id,
  name: r.name,
  email: r.email,
  phoneNumber: r.phone_number,
  metadata: r.metadata,
  createdAt: r.created_at,
});

export interface KeyRow<B = boolean> {
  id: string;
  mode: number;
  name: string;
  read_only: B;
  prefix: string;
  created_at: number;
  revoked_at: number | null;
}

export const KEY_COLUMNS = 'id, mode, name, read_only, prefix, created_at, revoked_at';

export const keyFromRow = (r: KeyRow): ApiKey => ({
  id: r.id,
  mode: modeOf(r.mode),
  name: r.name,
  readOnly: r.read_only,
  prefix: r.prefix,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export interface MeterRow<F = Filter | null, G = string[], B = boolean> {
  mkey: number; mode: number; id: string; name: string; event_name: string; agg_type: string; agg_key: string | null;
  measurement_unit: string; description: string | null; filter: F; group_keys: G; archived: B;
  created_at: number; updated_at: number; backfill_hwm: number; backfill_cursor: number; backfill_total: number; backfill_processed: number;
}

export const meterFromRow = (r: MeterRow): Meter => ({
  id: r.id,
  mode: modeOf(r.mode),
  name: r.name,
  eventName: r.event_name,
  aggregation: { type: r.agg_type as Meter['aggregation']['type'], key: r.agg_key },
  measurementUnit: r.measurement_unit,
  description: r.description,
  filter: r.filter,
  groupKeys: r.group_keys,
  archived: r.archived,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  backfill: {
    status: r.backfill_cursor >= r.backfill_hwm ? 'complete' : r.archived ? 'paused' : 'running',
    processedEvents: r.backfill_processed,
    totalEvents: r.backfill_total,
  },
});

export interface PlanRow<C = PlanComponent[]> {
  mode: number; id: string; name: string; currency: string; interval_unit: string; interval_count: number; components: C; created_at: number;
}

export const planFromRow = (r: PlanRow): Plan => ({
  id: r.id,
  mode: modeOf(r.mode),
  name: r.name,
  currency: r.currency,
  billingInterval: { unit: r.interval_unit as Plan['billingInterval']['unit'], count: r.interval_count },
  components: r.components,
  createdAt: r.created_at,
});

export interface SubscriptionRow {
  mode: number; id: string; customer_id: string; plan_id: string; billing_anchor: number; created_at: number;
}

export const subscriptionFromRow = (r: SubscriptionRow): Subscription => ({
  id: r.id, mode: modeOf(r.mode), customerId: r.customer_id, planId: r.plan_id, billingAnchor: r.billing_anchor, createdAt: r.created_at,
});
