import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { requireApiKey } from './auth.js';
import type { AppContext, Route } from './context.js';
import { installErrorHandler } from './error-handler.js';
import { acceptCompressedBodies } from './gzip.js';
import { installValidators } from './validators.js';
import { apiKeysCreate } from './routes/api-keys-create.js';
import { apiKeysList } from './routes/api-keys-list.js';
import { apiKeysRevoke } from './routes/api-keys-revoke.js';
import { customersCreate } from './routes/customers-create.js';
import { customersGet } from './routes/customers-get.js';
import { customersList } from './routes/customers-list.js';
import { customersUpdate } from './routes/customers-update.js';
import { dashboard } from './routes/dashboard.js';
import { eventsGet } from './routes/events-get.js';
import { eventsIngest } from './routes/events-ingest.js';
import { eventsList } from './routes/events-list.js';
import { eventsExplain } from './routes/events-explain.js';
import { metersCreate } from './routes/meters-create.js';
import { metersList } from './routes/meters-list.js';
import { metersGet } from './routes/meters-get.js';
import { metersArchive } from './routes/meters-archive.js';
import { metersUnarchive } from './routes/meters-unarchive.js';
import { metersUsage } from './routes/meters-usage.js';
import { plansCreate } from './routes/plans-create.js';
import { plansList } from './routes/plans-list.js';
import { plansGet } from './routes/plans-get.js';
import { subscriptionsCreate } from './routes/subscriptions-create.js';
import { customersUsageHistory } from './routes/customers-usage-history.js';
import { health } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { openapi } from './routes/openapi.js';
import { limitsCreate } from './routes/limits-create.js';
import { limitsList } from './routes/limits-list.js';
import { limitsDelete } from './routes/limits-delete.js';
import { customersLimits } from './routes/customers-limits.js';
import { analyticsApiCalls } from './routes/analytics-api-calls.js';
import { stats } from './routes/stats.js';

const PUBLIC_ROUTES: Route[] = [health, metricsRoute, openapi, dashboard];
const API_ROUTES: Route[] = [
  eventsIngest, eventsList, eventsGet,
  eventsExplain, metersCreate, metersList, metersGet, metersArchive, metersUnarchive, metersUsage,
  plansCreate, plansList, plansGet, subscriptionsCreate, customersUsageHistory,
  limitsCreate, limitsList, limitsDelete, customersLimits, analyticsApiCalls,
  customersCreate, customersList, customersGet, customersUpdate,
  apiKeysList, apiKeysCreate, apiKeysRevoke, stats,
];

export interface AppOptions {
  /** Extra routes (later features register here). */
  routes?: Route[];
  logger?: boolean;
}

/** Builds the HTTP app over services created once at start-up. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: ctx.config.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  installErrorHandler(app);
  installValidators(app);
  // The API speaks JSON only: a text/plain body is refused (415), not misread.
  app.removeContentTypeParser('text/plain');
  acceptCompressedBodies(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    ctx.metrics.latency.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tally API', version: '0.1.0', description: 'Usage metering, wire-compatible with the Dodo Payments usage-based billing API.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  for (const route of PUBLIC_ROUTES) route(app, ctx);
  await app.register(async (scope) => {
    requireApiKey(scope, ctx.keys);
    for (const route of [...API_ROUTES, ...(opts.routes ?? [])]) route(scope, ctx);
  });
  return app;
}
