import { Type } from 'typebox';
import type { Customer } from '../../store/types.js';

export const CustomerBody = Type.Object({
  business_id: Type.String(),
  customer_id: Type.String(),
  external_id: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  email: Type.String(),
  phone_number: Type.Union([Type.String(), Type.Null()]),
  metadata: Type.Record(Type.String(), Type.String()),
  created_at: Type.String({ format: 'date-time' }),
});

/** Fields a client may set; upstream's Metadata is a map of strings. */
export const CustomerFields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  email: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' }),
  external_id: Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()]),
  phone_number: Type.Union([Type.String({ maxLength: 32 }), Type.Null()]),
  metadata: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 500 }), { maxProperties: 50 }),
};

export function toWireCustomer(c: Customer, businessId: string) {
  return {
    business_id: businessId,
    customer_id: c.id,
    external_id: c.externalId,
    name: c.name,
    email: c.email,
    phone_number: c.phoneNumber,
    metadata: c.metadata,
    created_at: new Date(c.createdAt).toISOString(),
  };
}
