import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { CustomerService } from '../services/customer-service.js';
import type { EventService } from '../services/event-service.js';
import type { KeyService } from '../services/key-service.js';
import type { MeterService } from '../services/meter-service.js';
import type { PlanService } from '../services/plan-service.js';
import type { LimitService } from '../services/limits/limit-service.js';
import type { Store } from '../store/store.js';
import type { ApiKey } from '../store/types.js';
import type { Metrics } from './metrics.js';

/** The services a route may use, created once at start-up and passed in. */
export interface AppContext {
  config: Config;
  store: Store;
  keys: KeyService;
  customers: CustomerService;
  events: EventService;
  meters: MeterService;
  plans: PlanService;
  limits: LimitService;
  metrics: Metrics;
}

/** A route registers itself on the app with the services it needs. */
export type Route = (app: FastifyInstance, ctx: AppContext) => void;

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key that authenticated this request (authenticated routes only). */
    auth: ApiKey;
  }
}
