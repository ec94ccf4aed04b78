import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { PlanBody, toWirePlan } from '../schemas/plan.js';

const Body = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
  billing_interval: Type.Object({ unit: Type.String(), count: Type.Integer() }, { additionalProperties: false }),
  components: Type.Array(Type.Object({
    meter_id: Type.String(),
    price_per_unit: Type.String({ description: 'decimal string in the major unit, e.g. "0.0025"' }),
    free_threshold: Type.Optional(Type.Union([Type.Number(), Type.String()])),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });

export const plansCreate: Route = (app, { plans }) => {
  app.post<{ Body: Static<typeof Body> }>('/plans', {
    schema: { summary: 'Create a usage-based plan', body: Body, response: { 201: PlanBody, ...errorReplies } },
  }, async (req, reply) => {
    const p = await plans.createPlan(req.auth.mode, req.body);
    reply.code(201);
    return toWirePlan(p);
  });
};
