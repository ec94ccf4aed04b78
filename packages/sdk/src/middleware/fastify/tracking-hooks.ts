import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';
import { createCallTracker } from '../core/call-tracker.js';
import { nodeRequestBytes, watchNodeResponse } from '../core/node-response.js';
import { pathOf } from '../core/request-filter.js';
import type { TrackingOptions } from '../core/tracking-options.js';

/** Times every accepted request from onRequest until the raw response finished. */
export function addTrackingHooks(app: FastifyInstance, options: TrackingOptions<FastifyRequest>): void {
  const tracker = createCallTracker(options);
  app.addHook('onRequest', (request, reply, done) => {
    const method = request.method;
    if (!tracker.accepts.all && !tracker.accepts(method, pathOf(request.url))) return done();
    const startedAt = performance.now();
    watchNodeResponse(request.raw, reply.raw, (_method, statusCode, responseBytes, finished) => {
      tracker.record(request, {
        endpoint: request.routeOptions.url ?? UNMATCHED_ENDPOINT,
        method,
        statusCode,
        startedAt,
        requestBytes: nodeRequestBytes(request.raw),
        responseBytes,
        aborted: !finished,
      });
    });
    done();
  });
  // Closing the app waits until finished requests are handed to the recorder.
  app.addHook('onClose', async () => tracker.settled());
}
