import { explainEvent, type EventExplanation } from '@tally/core';
import { NotFoundError } from '../errors/domain-error.js';
import type { Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import type { CustomerService } from './customer-service.js';

export interface Explanation extends EventExplanation {
  event_id: string;
  meter_id: string;
}

/** Whether a stored event counts toward a meter and, if not, every reason (core's explainEvent). */
export async function explainStoredEvent(
  store: Store,
  customers: CustomerService,
  mode: Mode,
  eventId: string,
  meterId: string,
  period?: { start: number; end: number },
): Promise<Explanation> {
  const event = await store.events.get(mode, eventId);
  if (!event) throw new NotFoundError('event', eventId);
  const meter = await store.meters.get(mode, meterId);
  if (!meter) throw new NotFoundError('meter', meterId);
  const unknown = await customers.unknownIds(mode, [event.customerId]);
  const definition = { event_name: meter.eventName, aggregation: meter.aggregation, filter: meter.filter };
  const result = explainEvent(event, definition, { customerKnown: unknown.length === 0, archived: meter.archived, period });
  return { event_id: eventId, meter_id: meterId, ...result };
}
