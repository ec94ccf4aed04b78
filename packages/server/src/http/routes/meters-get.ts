import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { MeterBody, toWireMeter } from '../schemas/meter.js';

const Params = Type.Object({ id: Type.String() });

export const metersGet: Route = (app, { meters, config }) => {
  app.get<{ Params: Static<typeof Params> }>('/meters/:id', {
    schema: { summary: 'Get a meter, with its backfill progress', params: Params, response: { 200: MeterBody, ...errorReplies } },
  }, async (req) => toWireMeter(await meters.get(req.auth.mode, req.params.id), config.businessId));
};
