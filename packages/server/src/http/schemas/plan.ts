import { formatTimestamp } from '@tally/core';
import { Type } from 'typebox';
import type { Plan, Subscription } from '../../store/plan-types.js';

export const PlanBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  billing_interval: Type.Object({ unit: Type.String(), count: Type.Integer() }),
  components: Type.Array(Type.Object({ meter_id: Type.String(), price_per_unit: Type.String(), free_threshold: Type.Number() })),
  created_at: Type.String({ format: 'date-time' }),
});

export const SubscriptionBody = Type.Object({
  subscription_id: Type.String(),
  customer_id: Type.String(),
  plan_id: Type.String(),
  billing_anchor: Type.String({ format: 'date-time' }),
  created_at: Type.String({ format: 'date-time' }),
});

export const toWirePlan = (p: Plan) => ({
  id: p.id,
  name: p.name,
  currency: p.currency,
  billing_interval: p.billingInterval,
  components: p.components.map((c) => ({ meter_id: c.meterId, price_per_unit: c.pricePerUnit, free_threshold: Number(c.freeThreshold) })),
  created_at: formatTimestamp(p.createdAt),
});

export const toWireSubscription = (s: Subscription) => ({
  subscription_id: s.id,
  customer_id: s.customerId,
  plan_id: s.planId,
  billing_anchor: formatTimestamp(s.billingAnchor),
  created_at: formatTimestamp(s.createdAt),
});
