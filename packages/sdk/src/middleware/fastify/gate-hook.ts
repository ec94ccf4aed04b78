import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Gate, GateVerdict } from '../core/gate.js';
import { pathOf } from '../core/request-filter.js';

export type GateHookName = 'onRequest' | 'preHandler';

function apply(verdict: GateVerdict | undefined, reply: FastifyReply): FastifyReply | undefined {
  if (!verdict) return undefined;
  for (const [name, value] of verdict.headers) reply.header(name, value);
  if (!verdict.deny) return undefined;
  return reply.code(verdict.deny.status).send(verdict.deny.body);
}

/** Runs a gate as a hook; a refusal is sent from the hook and the handler never runs. */
export function addGateHook(app: FastifyInstance, gate: Gate<FastifyRequest>, hook: GateHookName): void {
  app.addHook(hook, async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    if (!gate.accepts(request.method, path)) return;
    const sent = apply(await gate.evaluate(request, request.method, path), reply);
    if (sent) return sent;
  });
}
