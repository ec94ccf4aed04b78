import { parseTimestamp } from '@tally/core';
import { Type, type Static } from 'typebox';
import { InvalidInputError } from '../../errors/domain-error.js';
import type { Route } from '../context.js';
import { errorReplies, PageQuery, paging } from '../schemas/common.js';
import { EventBody, toWireEvent } from '../schemas/event.js';

const Query = Type.Object({
  customer_id: Type.Optional(Type.String()),
  event_name: Type.Optional(Type.String()),
  meter_id: Type.Optional(Type.String({ description: "only events the meter's event name and filter admit" })),
  start: Type.Optional(Type.String({ description: 'RFC 3339; events at or after' })),
  end: Type.Optional(Type.String({ description: 'RFC 3339; events before' })),
  ...PageQuery,
});

function bound(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseTimestamp(value);
  if (ms === undefined) throw new InvalidInputError(`${name} must be an RFC 3339 date-time`, { field: name });
  return ms;
}

export const eventsList: Route = (app, { events, meters, config }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/events', {
    schema: {
      summary: 'List events, newest first',
      querystring: Query,
      response: { 200: Type.Object({ items: Type.Array(EventBody) }), ...errorReplies },
    },
  }, async (req) => {
    const q = req.query;
    const query = {
      customerId: q.customer_id,
      eventName: q.event_name,
      start: bound('start', q.start),
      end: bound('end', q.end),
      ...paging(q),
    };
    const items = q.meter_id === undefined
      ? await events.list(req.auth.mode, query)
      : await meters.events(req.auth.mode, await meters.get(req.auth.mode, q.meter_id), query);
    return { items: items.map((e) => toWireEvent(e, config.businessId)) };
  });
};
