import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Gate, GateVerdict } from '../core/gate.js';
import { pathOf } from '../core/request-filter.js';

export type GateHookName = 'onRequest' | 'preHandler';

function apply(verdict: GateVerdict | undefined, reply: FastifyReply): FastifyReply | undefined {
  if (!verdict) return undefined;
  const h = verdict.headers;
  for (let i = 0; i < h.length; i += 2) reply.header(h[i]!, h[i + 1]!);
  if (!verdict.deny) return undefined;
  return reply.code(verdict.deny.status).send(verdict.deny.body);
}

/** Runs a gate as a hook; a refusal is sent from the hook and the handler never runs. */
export function addGateHook(app: FastifyInstance, gate: Gate<FastifyRequest>, hook: GateHookName): void {
  app.addHook(hook, async (request: FastifyRequest, reply: FastifyReply) => {
    const path = gate.accepts.all && !gate.needsPath ? '' : pathOf(request.url);
    if (!gate.accepts.all && !gate.accepts(request.method, path)) return;
    const sent = apply(await gate.evaluate(request, request.method, path), reply);
    if (sent) return sent;
  });
}
