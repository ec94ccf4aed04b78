import { Type, type Static } from 'typebox';
import { NotFoundError } from '../../errors/domain-error.js';
import type { Route } from '../context.js';
import { ApiKeyBody, toWireApiKey } from '../schemas/api-key.js';
import { errorReplies } from '../schemas/common.js';

const Params = Type.Object({ id: Type.String() });

/**
 * Revokes (never deletes) a key of the caller's mode. A key of the other mode
 * is answered 404, as if it did not exist, so modes stay separate spaces.
 */
export const apiKeysRevoke: Route = (app, { keys }) => {
  app.delete<{ Params: Static<typeof Params> }>('/api-keys/:id', {
    schema: {
      summary: "Revoke an API key of this key's mode",
      params: Params,
      response: { 200: ApiKeyBody, ...errorReplies },
    },
  }, async (req) => {
    const target = (await keys.list()).find((k) => k.id === req.params.id && k.mode === req.auth.mode);
    if (!target) throw new NotFoundError('API key', req.params.id);
    const revoked = target.revokedAt === null ? await keys.revoke(target.id) : target;
    return toWireApiKey(revoked ?? target, req.auth.id);
  });
};
