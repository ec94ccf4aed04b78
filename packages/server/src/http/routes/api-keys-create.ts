import { Type, type Static } from 'typebox';
import type { Route } from '../context.js';
import { ApiKeyBody, toWireApiKey } from '../schemas/api-key.js';
import { errorReplies } from '../schemas/common.js';

const Body = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 100 })),
  read_only: Type.Optional(Type.Boolean({ default: false })),
}, { additionalProperties: false });

const Created = Type.Intersect([ApiKeyBody, Type.Object({
  secret: Type.String({ description: 'shown this once; only its hash is stored' }),
})]);

/**
 * A new key in the caller's mode. Read-only keys get 403 before this runs
 * (auth.ts refuses their writes), so they cannot mint a full key.
 */
export const apiKeysCreate: Route = (app, { keys }) => {
  app.post<{ Body: Static<typeof Body> }>('/api-keys', {
    schema: {
      summary: "Create an API key in this key's mode; the secret is in this reply only",
      body: Body,
      response: { 200: Created, ...errorReplies },
    },
  }, async (req) => {
    const { key, secret } = await keys.create({ mode: req.auth.mode, name: req.body.name, readOnly: req.body.read_only });
    return { ...toWireApiKey(key, req.auth.id), secret };
  });
};
