import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Params = Type.Object({ id: Type.String() });

/** DELETE archives, as upstream: the meter stops counting events. */
export const metersArchive: Route = (app, { meters }) => {
  app.delete<{ Params: Static<typeof Params> }>('/meters/:id', {
    schema: { summary: 'Archive a meter: it stops counting events', params: Params, response: { 204: Type.Null(), ...errorReplies } },
  }, async (req, reply) => {
    await meters.setArchived(req.auth.mode, req.params.id, true);
    reply.code(204).send();
  });
};
