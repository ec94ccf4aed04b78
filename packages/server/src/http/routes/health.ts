import { Type } from 'typebox';
import type { Route } from '../context.js';
import { ErrorBody } from '../schemas/common.js';

const Status = Type.Object({ status: Type.String() });

/** Liveness (no database) and readiness (the database answers). No auth. */
export const health: Route = (app, { store }) => {
  app.get('/health', { schema: { summary: 'Liveness', response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { summary: 'Readiness: the database answers', response: { 200: Status, 503: ErrorBody } } }, async () => {
    await store.ping();
    return { status: 'ready' };
  });
};
