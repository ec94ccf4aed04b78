import { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';
import type { ExpressRequest } from './types.js';

type Route = ExpressRequest['route'];

/** A route matched inside a mounted router: its template, taken while `baseUrl` still named that router. */
class Mounted {
  constructor(readonly route: Route, readonly template: string | undefined) {}
}

type Match = Route | Mounted;

// What each request matched: the route itself, or a Mounted when a prefix
// applies. Express gives every request a new prototype (Object.setPrototypeOf),
// after which each property added to it builds a fresh hidden class, several
// µs apiece; so the match is kept on the request only where a slot was made
// for it before that (reserveRouteSlot, from tallyApp), else beside it in a
// WeakMap, which costs about 0.2 µs a request more. The accessor below even
// spares the router its own `route` property.
const SLOT = Symbol('tally.route');
type Slotted = { [SLOT]?: Match | null };
const matches = new WeakMap<object, Match>();

/** Makes the request's slot for its match; only cheap before Express swaps the request's prototype. */
export function reserveRouteSlot(req: object): void {
  (req as Slotted)[SLOT] = null;
}

function matchOf(req: object): Match | undefined {
  const slot = (req as Slotted)[SLOT];
  return slot === undefined ? matches.get(req) : slot ?? undefined;
}

function remember(req: object, match: Match): void {
  if ((req as Slotted)[SLOT] === undefined) matches.set(req, match);
  else (req as Slotted)[SLOT] = match ?? null;
}

function joinTemplate(baseUrl: string | undefined, path: unknown): string {
  const own = typeof path === 'string' ? path : String(path);
  if (!baseUrl) return own;
  return own === '/' ? baseUrl : baseUrl + own;
}

function captured(req: ExpressRequest): string | undefined {
  const m = matchOf(req);
  if (m instanceof Mounted) return m.template;
  return m && m.path !== undefined ? joinTemplate(undefined, m.path) : undefined;
}

let lastProto: object | null = null;
const patched = new WeakSet<object>();

/**
 * Express sets `req.route` when a route matches, while `req.baseUrl` still
 * names the router it matched in; routers reset `baseUrl` as errors travel
 * back up. So the template is captured at that moment, by a `route` accessor
 * on the app's request prototype (defined once per app, no cost per request).
 */
export function watchRouteTemplate(req: ExpressRequest): void {
  const proto = Object.getPrototypeOf(req) as object | null;
  if (proto === lastProto || !proto) return;
  lastProto = proto;
  captureRoutesOn(proto);
}

/** The accessor itself, on an app's request prototype (`app.request`). */
export function captureRoutesOn(proto: object): void {
  if (patched.has(proto)) return;
  patched.add(proto);
  Object.defineProperty(proto, 'route', {
    configurable: true,
    enumerable: true,
    get(this: ExpressRequest) {
      const m = matchOf(this);
      return m instanceof Mounted ? m.route : m;
    },
    set(this: ExpressRequest, value: Route) {
      const base = this.baseUrl;
      // At the app's own level (no prefix) the template is the route's path, read when needed: nothing to allocate.
      if (!base && value && value.path !== undefined) remember(this, value);
      else remember(this, new Mounted(value, value && value.path !== undefined ? joinTemplate(base, value.path) : captured(this)));
    },
  });
}

/** The route template of a finished request, e.g. `/v1/users/:id`. */
export function routeTemplate(req: ExpressRequest): string {
  const template = captured(req);
  if (template !== undefined) return template;
  // Set before the accessor existed (route-level middleware, sub-apps): read it as it stands.
  return req.route && req.route.path !== undefined ? joinTemplate(req.baseUrl, req.route.path) : UNMATCHED_ENDPOINT;
}
