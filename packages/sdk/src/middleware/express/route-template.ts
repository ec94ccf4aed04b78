import { UNMATCHED_ENDPOINT } from '../core/call-facts.js';
import type { ExpressRequest } from './types.js';

const MATCH = Symbol('tally.route');

// One own property, where Express alone would add `route`: no extra property per request.
type Watched = ExpressRequest & { [MATCH]?: { route: ExpressRequest['route']; template: string | undefined } };

function joinTemplate(baseUrl: string | undefined, path: unknown): string {
  const own = typeof path === 'string' ? path : String(path);
  if (!baseUrl) return own;
  return own === '/' ? baseUrl : baseUrl + own;
}

const patched = new WeakSet<object>();

/**
 * Express sets `req.route` when a route matches, while `req.baseUrl` still
 * names the router it matched in; routers reset `baseUrl` as errors travel
 * back up. So the template is captured at that moment, by a `route` accessor
 * on the app's request prototype (defined once per app, no cost per request).
 */
export function watchRouteTemplate(req: ExpressRequest): void {
  const proto = Object.getPrototypeOf(req) as object | null;
  if (!proto || patched.has(proto)) return;
  patched.add(proto);
  Object.defineProperty(proto, 'route', {
    configurable: true,
    enumerable: true,
    get(this: Watched) {
      return this[MATCH]?.route;
    },
    set(this: Watched, value: ExpressRequest['route']) {
      const template = value && value.path !== undefined ? joinTemplate(this.baseUrl, value.path) : this[MATCH]?.template;
      this[MATCH] = { route: value, template };
    },
  });
}

/** The route template of a finished request, e.g. `/v1/users/:id`. */
export function routeTemplate(req: ExpressRequest): string {
  const captured = (req as Watched)[MATCH]?.template;
  if (captured !== undefined) return captured;
  // Set before the accessor existed (route-level middleware, sub-apps): read it as it stands.
  return req.route && req.route.path !== undefined ? joinTemplate(req.baseUrl, req.route.path) : UNMATCHED_ENDPOINT;
}
