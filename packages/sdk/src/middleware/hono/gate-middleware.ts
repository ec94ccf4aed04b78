import type { Context, MiddlewareHandler } from 'hono';
import type { Gate } from '../core/gate.js';

/** Runs a gate before the next handlers; a refusal is answered here as JSON. */
export function gateMiddleware(gate: Gate<Context>): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if (!gate.accepts(method, path)) return next();
    const verdict = await gate.evaluate(c, method, path);
    if (!verdict) return next();
    for (const [name, value] of verdict.headers) c.header(name, value);
    if (verdict.deny) return c.json(verdict.deny.body, verdict.deny.status as 429);
    await next();
    // Handlers that build their own Response drop headers set earlier: set them again.
    for (const [name, value] of verdict.headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
