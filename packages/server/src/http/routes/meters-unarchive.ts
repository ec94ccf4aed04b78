import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Params = Type.Object({ id: Type.String() });

/** Unarchiving recounts every stored event, so nothing skipped while archived is missed. */
export const metersUnarchive: Route = (app, { meters }) => {
  app.post<{ Params: Static<typeof Params> }>('/meters/:id/unarchive', {
    schema: { summary: 'Unarchive a meter: its usage is recounted from every stored event', params: Params, response: { 200: Type.Null(), ...errorReplies } },
  }, async (req, reply) => {
    await meters.setArchived(req.auth.mode, req.params.id, false);
    reply.code(200).send();
  });
};
