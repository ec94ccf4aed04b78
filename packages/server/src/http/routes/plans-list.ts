import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies, PageQuery, paging } from '../schemas/common.js';
import { PlanBody, toWirePlan } from '../schemas/plan.js';

const Query = Type.Object({ ...PageQuery });

export const plansList: Route = (app, { plans }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/plans', {
    schema: { summary: 'List plans, newest first', querystring: Query, response: { 200: Type.Object({ items: Type.Array(PlanBody) }), ...errorReplies } },
  }, async (req) => ({ items: (await plans.listPlans(req.auth.mode, paging(req.query))).map(toWirePlan) }));
};
