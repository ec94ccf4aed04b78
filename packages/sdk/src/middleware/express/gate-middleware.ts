import type { ServerResponse } from 'node:http';
import type { Gate, GateVerdict } from '../core/gate.js';
import { setHeader } from '../core/node-response.js';
import { pathOf } from '../core/request-filter.js';
import type { ExpressMiddleware, ExpressNext, ExpressRequest } from './types.js';

function apply(verdict: GateVerdict | undefined, res: ServerResponse, next: ExpressNext): void {
  if (!verdict) return next();
  const h = verdict.headers;
  for (let i = 0; i < h.length; i += 2) setHeader(res, h[i]!, h[i + 1]!);
  if (!verdict.deny) return next();
  res.statusCode = verdict.deny.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(verdict.deny.body));
}

/** Runs a gate before the next handlers; a refusal ends the request here. */
export function gateMiddleware<Req extends ExpressRequest>(gate: Gate<Req>): ExpressMiddleware<Req> {
  return (req, res, next) => {
    const method = req.method ?? 'GET';
    const path = gate.accepts.all && !gate.needsPath ? '' : pathOf(req.originalUrl ?? req.url ?? '/');
    if (!gate.accepts.all && !gate.accepts(method, path)) return next();
    let verdict: ReturnType<Gate<Req>['evaluate']>;
    try {
      verdict = gate.evaluate(req, method, path);
    } catch (error) {
      return next(error);
    }
    if (verdict instanceof Promise) verdict.then((v) => apply(v, res, next), next);
    else apply(verdict, res, next);
  };
}
