import { Type } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';
import { MeterBody, toWireMeter } from '../schemas/meter.js';

// The body is checked by core's validateMeterInput, which names every problem
// (unknown operator, depth over 3, missing key…) in one 400.
const Body = Type.Object({}, { additionalProperties: true, description: 'name, event_name, aggregation {type, key}, measurement_unit, description?, filter?, group_by_keys? (Tally)' });

export const metersCreate: Route = (app, { meters, config }) => {
  app.post<{ Body: Record<string, unknown> }>('/meters', {
    schema: { summary: 'Create a meter (events stored before it are backfilled)', body: Body, response: { 201: MeterBody, ...errorReplies } },
  }, async (req, reply) => {
    const m = await meters.create(req.auth.mode, req.body);
    reply.code(201);
    return toWireMeter(m, config.businessId);
  });
};
