import type { Route } from '../context.js';

export const metricsRoute: Route = (app, { metrics }) => {
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
