import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { LimitBody, toWireLimit } from '../schemas/limit.js';

const Query = Type.Object({
  customer_id: Type.Optional(Type.String()),
  plan_id: Type.Optional(Type.String()),
  meter_id: Type.Optional(Type.String()),
});

export const limitsList: Route = (app, { limits }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/limits', {
    schema: { summary: 'List usage limits', querystring: Query, response: { 200: Type.Object({ items: Type.Array(LimitBody) }), ...errorReplies } },
  }, async (req) => {
    const q = req.query;
    const items = await limits.list(req.auth.mode, { customerId: q.customer_id, planId: q.plan_id, meterId: q.meter_id });
    return { items: items.map(toWireLimit) };
  });
};
