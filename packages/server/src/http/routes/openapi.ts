import type { Route } from '../context.js';

export const openapi: Route = (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
