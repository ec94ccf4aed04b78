import { parseTimestamp } from '@tally/core';
import { Type, type Static } from 'typebox';
import { InvalidInputError } from '../../errors/domain-error.js';
import { usageHistory } from '../../services/usage-history.js';
import type { Route } from '../context.js';
import { errorReplies, PageQuery, paging } from '../schemas/common.js';

const Params = Type.Object({ id: Type.String() });
const Query = Type.Object({
  start_date: Type.Optional(Type.String({ description: 'RFC 3339, inclusive: periods that overlap [start_date, end_date]' })),
  end_date: Type.Optional(Type.String({ description: 'RFC 3339, inclusive, as upstream (e.g. 2024-03-31T23:59:59Z); default: now' })),
  meter_id: Type.Optional(Type.String()),
  ...PageQuery,
});
const MeterLine = Type.Object({
  id: Type.String(), name: Type.String(), consumed_units: Type.String(), free_threshold: Type.Number(), chargeable_units: Type.String(),
  price_per_unit: Type.String(), currency: Type.String(), total_price: Type.Integer({ description: 'in the currency\'s minor unit' }),
});
const Period = Type.Object({ start_date: Type.String(), end_date: Type.String(), subscription_id: Type.String(), meters: Type.Array(MeterLine) });

function date(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = parseTimestamp(v);
  if (ms === undefined) throw new InvalidInputError(`${name} must be an RFC 3339 date-time`, { field: name });
  return ms;
}

/** Upstream's subscription usage history, per customer (all its subscriptions), newest period first. */
export const customersUsageHistory: Route = (app, { store }) => {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>('/customers/:id/usage-history', {
    schema: { summary: 'Charges per billing period and meter', params: Params, querystring: Query, response: { 200: Type.Object({ items: Type.Array(Period) }), ...errorReplies } },
  }, async (req) => {
    const q = req.query;
    const start = date('start_date', q.start_date);
    const end = date('end_date', q.end_date);
    if (start !== undefined && end !== undefined && end < start) {
      throw new InvalidInputError('end_date must not be before start_date', { field: 'end_date' });
    }
    // Upstream's end_date is inclusive; the service takes a half-open range.
    const until = end === undefined ? undefined : end + 1;
    const all = await usageHistory(store, req.auth.mode, req.params.id, { start, end: until, meterId: q.meter_id, now: Date.now() });
    const { limit, offset } = paging(q);
    return { items: all.slice(offset, offset + limit) };
  });
};
