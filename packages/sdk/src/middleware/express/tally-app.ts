import type { ServerResponse } from 'node:http';
import { captureRoutesOn, reserveRouteSlot } from './route-template.js';
import { gates, type TallyExpressOptions } from './tally-middleware.js';
import { watchExpressCalls } from './track-api-calls.js';
import type { ExpressApp, ExpressNext, ExpressRequest } from './types.js';

export interface AppTracking {
  /** Resolves once every finished request has been handed to the recorder. */
  settled(): Promise<void>;
  /** Takes tracking and limits off the app (requests under way are still recorded). */
  stop(): void;
}

type Handle = (this: unknown, req: ExpressRequest, res: ServerResponse, next?: ExpressNext) => unknown;

/** Replaces obj.handle by wrap(original); returns the undo. */
function around(obj: { handle: unknown }, wrap: (original: Handle) => Handle): () => void {
  const original = obj.handle as Handle;
  const wrapped = wrap(original);
  obj.handle = wrapped;
  return () => {
    if (obj.handle === wrapped) obj.handle = original;
  };
}

/** The app's own router: created on first use in Express 4 (lazyrouter), a getter in Express 5. */
function routerOf(app: ExpressApp): { handle: unknown } {
  if (typeof app.lazyrouter === 'function') {
    app.lazyrouter();
    return app._router!;
  }
  return app.router!;
}

/**
 * tally()'s tracking and limits, hooked into the app itself instead of
 * mounted as a middleware: no router layer per request. Tracking times each
 * request from the app's entry (`app.handle`), where the request is read
 * before Express swaps its prototype, when that costs least; the rate limit
 * and quota run at the entry of the app's router, before its first
 * middleware, so their `customerId` must come from the request itself (a
 * header, an API key), not from auth middleware: mount `rateLimit()` after
 * your auth otherwise. What is recorded is what tally() records.
 */
export function tallyApp<Req extends ExpressRequest = ExpressRequest>(app: ExpressApp, options: TallyExpressOptions<Req>): AppTracking {
  const watch = options.tracking ? watchExpressCalls(options.tracking) : undefined;
  const gated = gates(options) as ((req: ExpressRequest, res: ServerResponse, next: ExpressNext) => void) | undefined;
  const recordRefused = options.recordRefused ?? true;
  if (watch) captureRoutesOn(app.request);
  const undo: Array<() => void> = [];
  if (watch && (recordRefused || !gated)) {
    undo.push(around(app, (handle) => function (req, res, next) {
      // Here, before Express swaps the request's prototype, a property costs least.
      reserveRouteSlot(req);
      watch.start(req as Req, res);
      return handle.call(this, req, res, next);
    }));
  }
  if (gated) {
    undo.push(around(routerOf(app), (handle) => function (req, res, done) {
      gated(req, res, (error) => {
        if (error !== undefined) return done!(error);
        // Without recordRefused, tracking starts once the limits let the call through.
        if (watch && !recordRefused) watch.start(req as Req, res);
        handle.call(this, req, res, done);
      });
    }));
  }
  return {
    settled: () => watch?.settled() ?? Promise.resolve(),
    stop: () => undo.forEach((u) => u()),
  };
}
