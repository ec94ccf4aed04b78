import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Params = Type.Object({ id: Type.String() });

export const limitsDelete: Route = (app, { limits }) => {
  app.delete<{ Params: Static<typeof Params> }>('/limits/:id', {
    schema: { summary: 'Remove a usage limit', params: Params, response: { 204: Type.Null(), ...errorReplies } },
  }, async (req, reply) => {
    await limits.delete(req.auth.mode, req.params.id);
    reply.code(204);
    return null;
  });
};
