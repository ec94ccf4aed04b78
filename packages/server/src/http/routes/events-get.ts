import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { EventBody, toWireEvent } from '../schemas/event.js';

const Params = Type.Object({ event_id: Type.String() });

export const eventsGet: Route = (app, { events, config }) => {
  app.get<{ Params: Static<typeof Params> }>('/events/:event_id', {
    schema: { summary: 'Get one event by its event_id', params: Params, response: { 200: EventBody, ...errorReplies } },
  }, async (req) => toWireEvent(await events.get(req.auth.mode, req.params.event_id), config.businessId));
};
