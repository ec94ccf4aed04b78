import { parseTimestamp } from '@tally/core';
import { Type, type Static } from 'typebox';
import { InvalidInputError } from '../../errors/domain-error.js';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { SubscriptionBody, toWireSubscription } from '../schemas/plan.js';

const Params = Type.Object({ id: Type.String() });
const Body = Type.Object({
  plan_id: Type.String(),
  billing_anchor: Type.String({ description: 'RFC 3339 start of the first billing period, on a whole minute' }),
}, { additionalProperties: false });

export const subscriptionsCreate: Route = (app, { plans }) => {
  app.post<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>('/customers/:id/subscriptions', {
    schema: { summary: 'Subscribe a customer to a plan', params: Params, body: Body, response: { 201: SubscriptionBody, ...errorReplies } },
  }, async (req, reply) => {
    const anchor = parseTimestamp(req.body.billing_anchor);
    if (anchor === undefined) throw new InvalidInputError('billing_anchor must be an RFC 3339 date-time', { field: 'billing_anchor' });
    const s = await plans.subscribe(req.auth.mode, req.params.id, req.body.plan_id, anchor);
    reply.code(201);
    return toWireSubscription(s);
  });
};
