import { isWindowSize, parseTimestamp, WINDOW_SIZES, type WindowSize } from '@tally/core';
import { Type, type Static } from 'typebox';
import { InvalidInputError } from '../../errors/domain-error.js';
import { queryUsage } from '../../services/usage-service.js';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { usageJson } from './usage-json.js';

const Params = Type.Object({ id: Type.String() });
const Query = Type.Object({
  start: Type.String({ description: 'RFC 3339, inclusive; on a whole minute' }),
  end: Type.String({ description: 'RFC 3339, exclusive; on a whole minute' }),
  window_size: Type.Optional(Type.String({ default: 'day', description: WINDOW_SIZES.join(' | ') })),
  time_zone: Type.Optional(Type.String({ default: 'UTC', description: 'IANA zone windows are aligned in' })),
  customer_id: Type.Optional(Type.Array(Type.String(), { description: 'repeatable; every customer when omitted' })),
  group_by: Type.Optional(Type.String({ description: 'a metadata key declared in the meter\'s group_by_keys' })),
});
const Item = Type.Object({
  customer_id: Type.String(),
  window_start: Type.String({ format: 'date-time' }),
  window_end: Type.String({ format: 'date-time' }),
  value: Type.Union([Type.String(), Type.Null()]),
  group: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});

function instant(name: string, value: string): number {
  const ms = parseTimestamp(value);
  if (ms === undefined) throw new InvalidInputError(`${name} must be an RFC 3339 date-time`, { field: name });
  return ms;
}

export const metersUsage: Route = (app, { meters, store }) => {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>('/meters/:id/usage', {
    schema: {
      summary: 'Usage per customer and window, from rollups',
      description: 'Windows without counted events are left out. group is {<group_by>: value} with group_by, else null.',
      params: Params,
      querystring: Query,
      response: { 200: Type.Object({ items: Type.Array(Item) }), ...errorReplies },
    },
  }, async (req, reply) => {
    const q = req.query;
    const size = q.window_size ?? 'day';
    if (!isWindowSize(size)) throw new InvalidInputError(`window_size must be one of ${WINDOW_SIZES.join(', ')}`, { field: 'window_size' });
    const start = instant('start', q.start);
    const end = instant('end', q.end);
    if (end < start) throw new InvalidInputError('end must not be before start', { field: 'end' });
    const meter = await meters.get(req.auth.mode, req.params.id);
    const items = await queryUsage(store, req.auth.mode, meter, {
      start,
      end,
      windowSize: size as WindowSize,
      timeZone: q.time_zone ?? 'UTC',
      customerIds: q.customer_id,
      groupBy: q.group_by,
    });
    // Written directly (usage-json.ts); the schema above still documents it.
    return reply.type('application/json; charset=utf-8').send(usageJson(items, q.group_by));
  });
};
