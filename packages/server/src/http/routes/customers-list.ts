import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies, PageQuery, paging } from '../schemas/common.js';
import { CustomerBody, toWireCustomer } from '../schemas/customer.js';

const Query = Type.Object({
  email: Type.Optional(Type.String({ description: 'exact, case-insensitive' })),
  name: Type.Optional(Type.String({ description: 'part of the name, case-insensitive' })),
  ...PageQuery,
});

export const customersList: Route = (app, { customers, config }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/customers', {
    schema: {
      summary: 'List customers, newest first',
      querystring: Query,
      response: { 200: Type.Object({ items: Type.Array(CustomerBody) }), ...errorReplies },
    },
  }, async (req) => {
    const items = await customers.list(req.auth.mode, { email: req.query.email, name: req.query.name, ...paging(req.query) });
    return { items: items.map((c) => toWireCustomer(c, config.businessId)) };
  });
};
