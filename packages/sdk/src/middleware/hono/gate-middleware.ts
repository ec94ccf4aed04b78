import type { Context, MiddlewareHandler } from 'hono';
import type { Gate } from '../core/gate.js';

/** Runs a gate before the next handlers; a refusal is answered here as JSON. */
export function gateMiddleware(gate: Gate<Context>): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const path = gate.accepts.all && !gate.needsPath ? '' : c.req.path;
    if (!gate.accepts.all && !gate.accepts(method, path)) return next();
    const verdict = await gate.evaluate(c, method, path);
    if (!verdict) return next();
    const h = verdict.headers;
    for (let i = 0; i < h.length; i += 2) c.header(h[i]!, h[i + 1]!);
    if (verdict.deny) return c.json(verdict.deny.body, verdict.deny.status as 429);
    await next();
    // Handlers that build their own Response drop headers set earlier: set them again.
    for (let i = 0; i < h.length; i += 2) if (!c.res.headers.has(h[i]!)) c.res.headers.set(h[i]!, h[i + 1]!);
  };
}
