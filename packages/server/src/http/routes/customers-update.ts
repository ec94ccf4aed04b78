import { Type, type Static } from 'typebox';
import type { CustomerPatch } from '../../store/types.js';
import type { Route } from '../context.js';
import { ErrorBody, errorReplies } from '../schemas/common.js';
import { CustomerBody, CustomerFields, toWireCustomer } from '../schemas/customer.js';

const Params = Type.Object({ customer_id: Type.String() });
// Upstream sends null for fields left alone; null on a nullable field clears it only for external_id/phone.
const Body = Type.Object({
  name: Type.Optional(Type.Union([CustomerFields.name, Type.Null()])),
  email: Type.Optional(Type.Union([CustomerFields.email, Type.Null()])),
  external_id: Type.Optional(CustomerFields.external_id),
  phone_number: Type.Optional(CustomerFields.phone_number),
  metadata: Type.Optional(Type.Union([CustomerFields.metadata, Type.Null()])),
}, { additionalProperties: false });

export const customersUpdate: Route = (app, { customers, config }) => {
  app.patch<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>('/customers/:customer_id', {
    schema: {
      summary: 'Update a customer',
      params: Params,
      body: Body,
      response: { 200: CustomerBody, ...errorReplies, 409: ErrorBody },
    },
  }, async (req) => {
    const b = req.body;
    const patch: CustomerPatch = {};
    if (b.name != null) patch.name = b.name;
    if (b.email != null) patch.email = b.email;
    if (b.metadata != null) patch.metadata = b.metadata;
    if (b.external_id !== undefined) patch.externalId = b.external_id;
    if (b.phone_number !== undefined) patch.phoneNumber = b.phone_number;
    const c = await customers.update(req.auth.mode, req.params.customer_id, patch);
    return toWireCustomer(c, config.businessId);
  });
};
