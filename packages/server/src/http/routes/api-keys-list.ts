import { Type } from 'typebox';
import type { Route } from '../context.js';
import { ApiKeyBody, toWireApiKey } from '../schemas/api-key.js';
import { errorReplies } from '../schemas/common.js';

/** The keys of the caller's mode only: a test key never sees live keys. */
export const apiKeysList: Route = (app, { keys }) => {
  app.get('/api-keys', {
    schema: {
      summary: "List the API keys of this key's mode, newest first (revoked ones included)",
      response: { 200: Type.Object({ items: Type.Array(ApiKeyBody) }), ...errorReplies },
    },
  }, async (req) => {
    const all = await keys.list();
    const mine = all.filter((k) => k.mode === req.auth.mode).sort((a, b) => b.createdAt - a.createdAt);
    return { items: mine.map((k) => toWireApiKey(k, req.auth.id)) };
  });
};
