import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Params = Type.Object({ customer_id: Type.String() });
const Item = Type.Object({
  limit_id: Type.String(),
  source: Type.Union([Type.Literal('customer'), Type.Literal('plan')]),
  plan_id: Type.Union([Type.String(), Type.Null()]),
  meter_id: Type.String(),
  meter_name: Type.String(),
  event_name: Type.String(),
  aggregation_type: Type.String(),
  limit: Type.String(),
  used: Type.String(),
  remaining: Type.String(),
  period_start: Type.String({ format: 'date-time' }),
  reset_at: Type.String({ format: 'date-time', description: 'end of the current period' }),
});

export const customersLimits: Route = (app, { limits }) => {
  app.get<{ Params: Static<typeof Params> }>('/customers/:customer_id/limits', {
    schema: {
      summary: "A customer's usage limits with usage so far this period",
      description: 'The customer is named by customer_id or external_id. used comes from the meter\'s rollups; decimals are strings.',
      params: Params,
      response: { 200: Type.Object({ customer_id: Type.String(), items: Type.Array(Item) }), ...errorReplies },
    },
  }, async (req) => {
    const { customerId, items } = await limits.status(req.auth.mode, req.params.customer_id);
    return {
      customer_id: customerId,
      items: items.map((s) => ({
        limit_id: s.limit.id,
        source: s.limit.customerId !== null ? ('customer' as const) : ('plan' as const),
        plan_id: s.limit.planId,
        meter_id: s.meter.id,
        meter_name: s.meter.name,
        event_name: s.meter.eventName,
        aggregation_type: s.meter.aggregation,
        limit: s.limit.limit,
        used: s.used,
        remaining: s.remaining,
        period_start: new Date(s.period.start).toISOString(),
        reset_at: new Date(s.period.end).toISOString(),
      })),
    };
  });
};
