import { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';
import type { ExpressRequest } from './types.js';

type Route = ExpressRequest['route'];

/** A route matched inside a mounted router: its template, taken while `baseUrl` still named that router. */
class Mounted {
  constructor(readonly route: Route, readonly template: string | undefined) {}
}

// What each request matched: the route itself, or a Mounted when a prefix
// applies. Kept beside the request, not on it: Express gives every request a
// new prototype (Object.setPrototypeOf), after which each property added to it
// builds a fresh hidden class, several µs apiece. The accessor below even
// spares the router its own `route` property.
const matches = new WeakMap<object, Route | Mounted>();

function joinTemplate(baseUrl: string | undefined, path: unknown): string {
  const own = typeof path === 'string' ? path : String(path);
  if (!baseUrl) return own;
  return own === '/' ? baseUrl : baseUrl + own;
}

function captured(req: ExpressRequest): string | undefined {
  const m = matches.get(req);
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
      const m = matches.get(this);
      return m instanceof Mounted ? m.route : m;
    },
    set(this: ExpressRequest, value: Route) {
      const base = this.baseUrl;
      // At the app's own level (no prefix) the template is the route's path, read when needed: nothing to allocate.
      if (!base && value && value.path !== undefined) matches.set(this, value);
      else matches.set(this, new Mounted(value, value && value.path !== undefined ? joinTemplate(base, value.path) : captured(this)));
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
