import { UNMATCHED_ENDPOINT } from '../core/call-facts.js';
import type { ExpressRequest } from './types.js';

const TEMPLATE = Symbol('tally.routeTemplate');

type Watched = ExpressRequest & { [TEMPLATE]?: string };

function joinTemplate(baseUrl: string | undefined, path: unknown): string {
  const own = typeof path === 'string' ? path : String(path);
  if (!baseUrl) return own;
  return own === '/' ? baseUrl : baseUrl + own;
}

/**
 * Express sets `req.route` when a route matches, while `req.baseUrl` still
 * names the router it matched in; routers reset `baseUrl` as errors travel
 * back up. So the template is captured at that moment, through a setter.
 */
export function watchRouteTemplate(req: ExpressRequest): void {
  let route = req.route;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: ExpressRequest['route']) {
      route = value;
      if (value && value.path !== undefined) (req as Watched)[TEMPLATE] = joinTemplate(req.baseUrl, value.path);
    },
  });
}

/** The route template of a finished request, e.g. `/v1/users/:id`. */
export function routeTemplate(req: ExpressRequest): string {
  return (req as Watched)[TEMPLATE] ?? UNMATCHED_ENDPOINT;
}
