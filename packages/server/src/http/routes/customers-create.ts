import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { ErrorBody, errorReplies } from '../schemas/common.js';
import { CustomerBody, CustomerFields, toWireCustomer } from '../schemas/customer.js';

const Body = Type.Object({
  name: CustomerFields.name,
  email: CustomerFields.email,
  external_id: Type.Optional(CustomerFields.external_id),
  phone_number: Type.Optional(CustomerFields.phone_number),
  metadata: Type.Optional(CustomerFields.metadata),
}, { additionalProperties: false });

export const customersCreate: Route = (app, { customers, config }) => {
  app.post<{ Body: Static<typeof Body> }>('/customers', {
    schema: {
      summary: 'Create a customer',
      description: 'external_id is a Tally extension: events may name the customer by it.',
      body: Body,
      response: { 200: CustomerBody, ...errorReplies, 409: ErrorBody },
    },
  }, async (req) => {
    const b = req.body;
    const c = await customers.create(req.auth.mode, {
      name: b.name,
      email: b.email,
      externalId: b.external_id,
      phoneNumber: b.phone_number,
      metadata: b.metadata,
    });
    return toWireCustomer(c, config.businessId);
  });
};
