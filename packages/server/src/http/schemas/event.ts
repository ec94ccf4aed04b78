import { formatTimestamp } from '@tally/core';
import { Type } from 'typebox';
import type { StoredEvent } from '../../store/types.js';
import { MetadataValue } from './common.js';

export const EventBody = Type.Object({
  business_id: Type.String(),
  customer_id: Type.String(),
  event_id: Type.String(),
  event_name: Type.String(),
  timestamp: Type.String({ format: 'date-time' }),
  metadata: Type.Union([Type.Record(Type.String(), MetadataValue), Type.Null()]),
});

export function toWireEvent(e: StoredEvent, businessId: string) {
  return {
    business_id: businessId,
    customer_id: e.customerId,
    event_id: e.eventId,
    event_name: e.eventName,
    timestamp: formatTimestamp(e.timestamp),
    metadata: e.metadata,
  };
}
