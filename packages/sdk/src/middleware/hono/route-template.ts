import type { Context } from 'hono';
import { UNMATCHED_ENDPOINT } from '../../api-call/call-facts.js';

/**
 * The template of the route that answered (`/v1/users/:id`, sub-app
 * prefixes included). `ownIndex` is the tracking middleware's own place in
 * the chain: when nothing after it ran, or only catch-all middleware that let
 * the request fall through to a 404, no route matched.
 */
export function routeTemplate(c: Context, ownIndex: number): string {
  const index = c.req.routeIndex;
  if (index === ownIndex) return UNMATCHED_ENDPOINT;
  const route = c.req.matchedRoutes[index];
  if (!route) return UNMATCHED_ENDPOINT;
  if (route.method === 'ALL' && c.res.status === 404) return UNMATCHED_ENDPOINT;
  return route.path;
}
