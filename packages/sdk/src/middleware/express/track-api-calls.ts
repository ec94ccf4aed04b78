import type { ServerResponse } from 'node:http';
import { createCallTracker } from '../core/call-tracker.js';
import { nodeRequestBytes, watchNodeResponse } from '../core/node-response.js';
import { pathOf } from '../core/request-filter.js';
import type { TrackingOptions } from '../core/tracking-options.js';
import { routeTemplate, watchRouteTemplate } from './route-template.js';
import type { ExpressMiddleware, ExpressRequest } from './types.js';

export type ExpressTrackingMiddleware<Req extends ExpressRequest> = ExpressMiddleware<Req> & {
  /** Resolves once every finished request has been handed to the recorder. */
  settled(): Promise<void>;
};

/**
 * Times requests and records each once its response finished; shared by
 * trackApiCalls, tally() and tallyApp. `start` expects the route accessor
 * on the request's prototype already (watchRouteTemplate, captureRoutesOn).
 */
export interface ExpressCallWatch<Req extends ExpressRequest> {
  start(req: Req, res: ServerResponse): void;
  settled(): Promise<void>;
}

export function watchExpressCalls<Req extends ExpressRequest>(options: TrackingOptions<Req>): ExpressCallWatch<Req> {
  const tracker = createCallTracker(options);
  const start = (req: Req, res: ServerResponse): void => {
    if (!tracker.accepts.all && !tracker.accepts(req.method ?? 'GET', pathOf(req.originalUrl ?? req.url ?? '/'))) return;
    const startedAt = performance.now();
    watchNodeResponse(req, res, (method, statusCode, responseBytes, finished) => {
      tracker.record(req, {
        endpoint: routeTemplate(req),
        method,
        statusCode,
        startedAt,
        requestBytes: nodeRequestBytes(req),
        responseBytes,
        aborted: !finished,
      });
    });
  };
  return { start, settled: () => tracker.settled() };
}

/**
 * Express 4 and 5 middleware that records one usage event per request, when
 * the response has finished (so it never delays it). Mount it first.
 */
export function trackApiCalls<Req extends ExpressRequest = ExpressRequest>(
  options: TrackingOptions<Req>,
): ExpressTrackingMiddleware<Req> {
  const watch = watchExpressCalls(options);
  const middleware: ExpressMiddleware<Req> = (req, res, next) => {
    watchRouteTemplate(req);
    watch.start(req, res);
    next();
  };
  return Object.assign(middleware, { settled: watch.settled });
}
