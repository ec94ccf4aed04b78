import type { Context, MiddlewareHandler } from 'hono';
import { contentLength, type CallFacts } from '../../api-call/call-facts.js';
import { createCallTracker } from '../core/call-tracker.js';
import type { TrackingOptions } from '../core/tracking-options.js';
import { routeTemplate } from './route-template.js';

export type HonoTrackingMiddleware = MiddlewareHandler & {
  /** Resolves once every finished request has been handed to the recorder. */
  settled(): Promise<void>;
};

function requestBytes(c: Context): number | undefined {
  const declared = contentLength(c.req.header('content-length'));
  if (declared !== undefined) return declared;
  return c.req.header('transfer-encoding') ? undefined : 0;
}

/**
 * Hono middleware recording one usage event per request. A streamed body is
 * counted as it goes out, and the event recorded when it ends; the response
 * itself is never held back.
 */
export function trackApiCalls(options: TrackingOptions<Context>): HonoTrackingMiddleware {
  const tracker = createCallTracker(options);
  const middleware: MiddlewareHandler = async (c, next) => {
    const method = c.req.method;
    if (!tracker.accepts(method, c.req.path)) return next();
    const startedAt = performance.now();
    const ownIndex = c.req.routeIndex;
    await next();
    const res = c.res;
    const facts: CallFacts = { endpoint: routeTemplate(c, ownIndex), method, statusCode: res.status, startedAt, requestBytes: requestBytes(c) };
    const declared = contentLength(res.headers.get('content-length'));
    if (declared !== undefined || !res.body) {
      tracker.record(c, { ...facts, responseBytes: declared ?? 0 });
      return;
    }
    let bytes = 0;
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      tracker.record(c, { ...facts, responseBytes: bytes, aborted });
    };
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
        flush: () => finish(false),
      }),
    );
    c.res = new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return Object.assign(middleware, { settled: () => tracker.settled() });
}
