import { formatTimestamp } from '@tally/core';
import { Type } from 'typebox';
import type { Meter } from '../../store/meter-types.js';

export const MeterBody = Type.Object({
  id: Type.String(),
  business_id: Type.String(),
  name: Type.String(),
  event_name: Type.String(),
  aggregation: Type.Object({ type: Type.String(), key: Type.Union([Type.String(), Type.Null()]) }),
  measurement_unit: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  filter: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  archived: Type.Boolean(),
  group_by_keys: Type.Array(Type.String(), { description: 'Tally extension: metadata keys usage can be grouped by' }),
  backfill: Type.Object({
    status: Type.String({ description: 'running, complete, or paused (archived)' }),
    processed_events: Type.Integer(),
    total_events: Type.Integer(),
  }, { description: 'Tally extension: counting of events stored before the meter existed' }),
});

export function toWireMeter(m: Meter, businessId: string) {
  return {
    id: m.id,
    business_id: businessId,
    name: m.name,
    event_name: m.eventName,
    aggregation: m.aggregation,
    measurement_unit: m.measurementUnit,
    description: m.description,
    filter: m.filter,
    created_at: formatTimestamp(m.createdAt),
    updated_at: formatTimestamp(m.updatedAt),
    archived: m.archived,
    group_by_keys: m.groupKeys,
    backfill: { status: m.backfill.status, processed_events: m.backfill.processedEvents, total_events: m.backfill.totalEvents },
  };
}
