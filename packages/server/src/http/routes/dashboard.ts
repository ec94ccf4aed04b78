import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Route } from '../context.js';

/** The built dashboard, packages/dashboard/dist; the same path from src/ and dist/. */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../../dashboard/dist/', import.meta.url));
const PREFIX = '/dashboard/';

/**
 * The UI holds API keys in sessionStorage, so it loads nothing but its own
 * files (no inline script, no third party) and cannot be framed.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Serves the dashboard's static files at /dashboard/, with no key: the UI
 * signs in with an API key of its own, and only the API calls it makes carry
 * that key. Client routes (/dashboard/meters/mtr_1) get index.html.
 */
export function dashboardRoute(dir: string = DASHBOARD_DIR): Route {
  return (app) => {
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect(PREFIX));
    app.get('/dashboard', { schema: { hide: true } }, (_req, reply) => reply.redirect(PREFIX));
    if (!existsSync(`${dir}/index.html`)) {
      app.get(`${PREFIX}*`, { schema: { hide: true } }, (_req, reply) => {
        reply.code(503).type('text/plain').send('The dashboard is not built. Run: npm run build -w packages/dashboard\n');
      });
      return;
    }
    // wildcard: false registers one route per built file, leaving /dashboard/*
    // free for the fallback below (rebuilding the UI needs a server restart).
    app.register(fastifyStatic, {
      root: dir,
      prefix: PREFIX,
      wildcard: false,
      index: 'index.html',
      cacheControl: false, // set below, per file
      setHeaders(res, path) {
        // Hashed asset names never change content; index.html must be re-read.
        const immutable = path.includes('/assets/');
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      },
    });
    app.get(`${PREFIX}*`, { schema: { hide: true } }, (req, reply) => {
      // A missing asset is a 404, never index.html served as JavaScript.
      if (req.url.startsWith(`${PREFIX}assets/`)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  };
}

export const dashboard: Route = dashboardRoute();
