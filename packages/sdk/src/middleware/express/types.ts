import type { IncomingMessage, ServerResponse } from 'node:http';

/** The parts of an Express 4/5 request the middleware reads (no @types/express needed). */
export interface ExpressRequest extends IncomingMessage {
  baseUrl?: string;
  originalUrl?: string;
  route?: { path?: unknown };
  /** Set by express; the path relative to the mount point. */
  path?: string;
}

export type ExpressNext = (error?: unknown) => void;

export type ExpressMiddleware<Req extends ExpressRequest = ExpressRequest> = (
  req: Req,
  res: ServerResponse,
  next: ExpressNext,
) => void;

/** The parts of an Express 4/5 application tallyApp uses. */
export interface ExpressApp {
  handle: unknown;
  /** The prototype Express gives this app's requests. */
  request: object;
  /** Express 5: the app's router. */
  router?: { handle: unknown };
  /** Express 4: creates the app's router (`_router`) on first use. */
  lazyrouter?: () => void;
  _router?: { handle: unknown };
}
