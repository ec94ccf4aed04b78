import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { PlanBody, toWirePlan } from '../schemas/plan.js';

const Params = Type.Object({ id: Type.String() });

export const plansGet: Route = (app, { plans }) => {
  app.get<{ Params: Static<typeof Params> }>('/plans/:id', {
    schema: { summary: 'Get a plan', params: Params, response: { 200: PlanBody, ...errorReplies } },
  }, async (req) => toWirePlan(await plans.getPlan(req.auth.mode, req.params.id)));
};
