import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors/domain-error.js';
import type { KeyService } from '../services/key-service.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1] : h.trim();
}

/** Every route registered in this scope needs a valid key; writes need a full one. */
export function requireApiKey(app: FastifyInstance, keys: KeyService): void {
  app.decorateRequest('auth', null as never);
  app.addHook('onRequest', async (req) => {
    req.auth = await keys.authenticate(bearer(req));
    if (req.auth.readOnly && !READS.has(req.method)) {
      throw new ForbiddenError('this API key is read-only');
    }
  });
}
