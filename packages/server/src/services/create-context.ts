import type { Config } from '../config/config.js';
import type { AppContext } from '../http/context.js';
import { Metrics } from '../http/metrics.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { CustomerService } from './customer-service.js';
import { EventService } from './event-service.js';
import { KeyService } from './key-service.js';
import { BackfillRunner } from './backfill-runner.js';
import { MeterService } from './meter-service.js';
import { PlanService } from './plan-service.js';
import { LimitService } from './limits/limit-service.js';
import { RollupPlanner } from './rollup-planner.js';
import { ROLLUP_RULES } from './rollup-rules.js';

/** Creates every service once, over one store. */
export async function createContext(config: Config, store?: Store): Promise<AppContext> {
  const s = store ?? (await openStore({ url: config.databaseUrl, poolSize: config.poolSize, writerThread: true }));
  const customers = new CustomerService(s);
  const planner = new RollupPlanner(s);
  // Stores that fold rollups from the event log take the rules once; the
  // others apply a plan inside each insert.
  s.useRollupRules?.(ROLLUP_RULES);
  const backfills = new BackfillRunner(s);
  void backfills.resumeAll().catch(() => {});
  return {
    config,
    store: s,
    keys: new KeyService(s),
    customers,
    events: new EventService(s, customers, config.window, undefined, s.useRollupRules ? undefined : planner),
    meters: new MeterService(s, planner, backfills),
    plans: new PlanService(s),
    limits: new LimitService(s),
    metrics: new Metrics(() => s.rollupLag?.()),
  };
}
