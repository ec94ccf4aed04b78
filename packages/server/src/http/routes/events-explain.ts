import { parseTimestamp } from '@tally/core';
import { Type, type Static } from 'typebox';
import { InvalidInputError } from '../../errors/domain-error.js';
import { explainStoredEvent } from '../../services/explain-service.js';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Params = Type.Object({ event_id: Type.String() });
const Query = Type.Object({
  meter_id: Type.String(),
  start: Type.Optional(Type.String({ description: 'RFC 3339: with end, the period asked about' })),
  end: Type.Optional(Type.String()),
});
const Reply = Type.Object({
  event_id: Type.String(),
  meter_id: Type.String(),
  counts: Type.Boolean(),
  reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true })),
});

export const eventsExplain: Route = (app, { store, customers }) => {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>('/events/:event_id/explain', {
    schema: { summary: 'Why an event does or does not count toward a meter: every reason', params: Params, querystring: Query, response: { 200: Reply, ...errorReplies } },
  }, async (req) => {
    const { start, end, meter_id } = req.query;
    let period: { start: number; end: number } | undefined;
    if (start !== undefined || end !== undefined) {
      const s = start === undefined ? undefined : parseTimestamp(start);
      const e = end === undefined ? undefined : parseTimestamp(end);
      if (s === undefined || e === undefined) throw new InvalidInputError('start and end must both be RFC 3339 date-times', { field: 'start' });
      period = { start: s, end: e };
    }
    return explainStoredEvent(store, customers, req.auth.mode, req.params.event_id, meter_id, period);
  });
};
