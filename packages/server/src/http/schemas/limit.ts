import { Type } from 'typebox';
import type { UsageLimit } from '../../store/limit-types.js';

export const LimitBody = Type.Object({
  limit_id: Type.String(),
  meter_id: Type.String(),
  customer_id: Type.Union([Type.String(), Type.Null()]),
  plan_id: Type.Union([Type.String(), Type.Null()]),
  limit: Type.String({ description: 'decimal string: units of the meter per period' }),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export function toWireLimit(l: UsageLimit) {
  return {
    limit_id: l.id,
    meter_id: l.meterId,
    customer_id: l.customerId,
    plan_id: l.planId,
    limit: l.limit,
    created_at: new Date(l.createdAt).toISOString(),
    updated_at: new Date(l.updatedAt).toISOString(),
  };
}
