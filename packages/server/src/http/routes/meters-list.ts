import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies, PageQuery, paging } from '../schemas/common.js';
import { MeterBody, toWireMeter } from '../schemas/meter.js';

const Query = Type.Object({ archived: Type.Optional(Type.Boolean({ default: false })), ...PageQuery });

export const metersList: Route = (app, { meters, config }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/meters', {
    schema: { summary: 'List meters, newest first', querystring: Query, response: { 200: Type.Object({ items: Type.Array(MeterBody) }), ...errorReplies } },
  }, async (req) => {
    const items = await meters.list(req.auth.mode, { archived: req.query.archived ?? false, ...paging(req.query) });
    return { items: items.map((m) => toWireMeter(m, config.businessId)) };
  });
};
