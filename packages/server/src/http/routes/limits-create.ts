import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { LimitBody, toWireLimit } from '../schemas/limit.js';

const Body = Type.Object({
  meter_id: Type.String({ minLength: 1 }),
  customer_id: Type.Optional(Type.String({ minLength: 1, description: "a customer's customer_id or external_id" })),
  plan_id: Type.Optional(Type.String({ minLength: 1, description: 'applies to every subscriber of the plan' })),
  limit: Type.Union([Type.Number({ minimum: 0 }), Type.String({ minLength: 1 })], { description: 'units of the meter per period' }),
}, { additionalProperties: false });

export const limitsCreate: Route = (app, { limits }) => {
  app.post<{ Body: Static<typeof Body> }>('/limits', {
    schema: {
      summary: 'Set a usage limit (quota) on a meter for a customer or a plan',
      description: 'Replaces the limit of the same meter and target. The period is the billing period of the customer\'s subscription, else the calendar month (UTC). A customer\'s own limit wins over its plan\'s.',
      body: Body,
      response: { 200: LimitBody, ...errorReplies },
    },
  }, async (req) => {
    const b = req.body;
    return toWireLimit(await limits.set(req.auth.mode, { meterId: b.meter_id, customerId: b.customer_id, planId: b.plan_id, limit: String(b.limit) }));
  });
};
