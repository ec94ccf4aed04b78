import type { ValidEvent } from '@tally/core';
import type { RollupPlan } from '../store/meter-types.js';
import { StalePlanError } from '../store/stale-plan-error.js';
import type { InsertResult, Store } from '../store/store.js';
import type { Mode } from '../store/types.js';
import { deltasFor } from './meter-deltas.js';
import { apiCallDeltas } from './analytics/api-call-deltas.js';

/**
 * Keeps, per mode, the plan that turns new events into rollup deltas for the
 * active meters. The plan is cached; a store that has seen the meter set
 * change since refuses it, and the insert is retried with a fresh one.
 */
export class RollupPlanner {
  private readonly plans = new Map<Mode, Promise<RollupPlan>>();

  constructor(private readonly store: Store) {}

  plan(mode: Mode): Promise<RollupPlan> {
    let p = this.plans.get(mode);
    if (!p) {
      p = this.store.meters.active(mode).then(({ version, meters }) => ({
        version,
        deltas: (events: readonly ValidEvent[]) => deltasFor(meters, events),
        apiCalls: apiCallDeltas,
      }));
      p.catch(() => this.plans.delete(mode));
      this.plans.set(mode, p);
    }
    return p;
  }

  invalidate(mode: Mode): void {
    this.plans.delete(mode);
  }

  /** Inserts events with their rollups in one transaction, retrying on a stale plan. */
  async insert(mode: Mode, events: ValidEvent[], at: number): Promise<InsertResult> {
    for (let attempt = 0; ; attempt++) {
      const plan = await this.plan(mode);
      try {
        return await this.store.events.insert(mode, events, at, plan);
      } catch (err) {
        if (!(err instanceof StalePlanError) || attempt >= 5) throw err;
        this.invalidate(mode);
      }
    }
  }
}
