import { Type, type Static } from 'typebox';
import { StatsService } from '../../services/stats-service.js';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Query = Type.Object({
  minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, default: 60, description: 'events per minute over the last N minutes' })),
  unknown_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 840, default: 24, description: 'look for unknown customers among events of the last N hours' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

const Reply = Type.Object({
  events_per_minute: Type.Array(Type.Object({ minute: Type.String({ format: 'date-time' }), count: Type.Integer() })),
  unknown_customers: Type.Array(Type.Object({
    customer_id: Type.String(),
    event_count: Type.Integer(),
    last_event_at: Type.String({ format: 'date-time' }),
  })),
  unknown_since: Type.String({ format: 'date-time' }),
});

const iso = (ms: number) => new Date(ms).toISOString();

/** Read-only numbers for the dashboard's overview, in the caller's mode. */
export const stats: Route = (app, { store }) => {
  const service = new StatsService(store);
  app.get<{ Querystring: Static<typeof Query> }>('/stats/overview', {
    schema: {
      summary: 'Events per minute (by event timestamp) and events waiting for an unknown customer',
      description: 'A Tally extension for the dashboard. Events of an unknown customer are stored but count toward no usage until a customer with that customer_id or external_id exists.',
      querystring: Query,
      response: { 200: Reply, ...errorReplies },
    },
  }, async (req) => {
    const q = req.query;
    const o = await service.overview(req.auth.mode, Date.now(), { minutes: q.minutes ?? 60, unknownHours: q.unknown_hours ?? 24, unknownLimit: q.limit ?? 20 });
    return {
      events_per_minute: o.eventsPerMinute.map((m) => ({ minute: iso(m.minute), count: m.count })),
      unknown_customers: o.unknownCustomers.map((u) => ({ customer_id: u.customerId, event_count: u.events, last_event_at: iso(u.lastTs) })),
      unknown_since: iso(o.unknownSince),
    };
  });
};
