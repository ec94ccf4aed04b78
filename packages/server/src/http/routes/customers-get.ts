import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { CustomerBody, toWireCustomer } from '../schemas/customer.js';

const Params = Type.Object({ customer_id: Type.String() });

export const customersGet: Route = (app, { customers, config }) => {
  app.get<{ Params: Static<typeof Params> }>('/customers/:customer_id', {
    schema: { summary: 'Get a customer', params: Params, response: { 200: CustomerBody, ...errorReplies } },
  }, async (req) => toWireCustomer(await customers.get(req.auth.mode, req.params.customer_id), config.businessId));
};
