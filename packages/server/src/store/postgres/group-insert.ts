import type { ValidEvent } from '@tally/core';
import type { RollupPlan } from '../meter-types.js';
import { modeCode } from '../mode-code.js';
import { StalePlanError } from '../stale-plan-error.js';
import type { EventStore, InsertResult } from '../store.js';
import type { Mode } from '../types.js';
import { applyApiCallDeltas } from './analytics.js';
import type { PgPool, PgQueryable } from './driver.js';
import { INSERT_EVENTS, insertParams } from './insert-events.js';
import { guard } from './guard.js';
import { applyDeltas } from './rollup-apply.js';

interface Pending {
  events: ValidEvent[];
  at: number;
  plan?: RollupPlan;
  resolve(r: InsertResult): void;
  reject(err: unknown): void;
}

/**
 * One transaction for the requests of a mode that arrive while earlier ones
 * are being written (group commit): their events go in one statement and
 * their rollup deltas are merged first, so a customer's hour and day rows
 * are upserted once per group rather than once per request. Each request is
 * still all or nothing and answered only after the commit. With little load
 * a group is one request and nothing waits. A failed group is retried one
 * request at a time, so one bad request fails only itself.
 */
async function writeGroup(tx: PgQueryable, mode: Mode, group: Pending[]): Promise<InsertResult[]> {
  // An event_id repeated within a request, or across requests of the group, is new to the first only.
  const seen = new Set<string>();
  const batches = group.map((p) => p.events.filter((e) => !seen.has(e.eventId) && seen.add(e.eventId)));
  const all = batches.flat();
  const at = group.flatMap((p, i) => batches[i]!.map(() => p.at));
  const rows = await tx.query<{ event_id: string | null; version: number | null }>(INSERT_EVENTS, insertParams(mode, all, at));
  const fresh = new Set<string>();
  let version = 0;
  for (const r of rows) r.event_id === null ? (version = r.version ?? 0) : fresh.add(r.event_id);
  const results = batches.map((b) => ({ inserted: b.filter((e) => fresh.has(e.eventId)) }));
  // Deltas are mergeable: one call over every request sharing a plan (the planner caches one per mode).
  const byPlan = new Map<RollupPlan, ValidEvent[]>();
  group.forEach((p, i) => {
    if (!p.plan) return;
    // Throwing rolls everything back; alone, the planner retries with a fresh plan.
    if (p.plan.version !== version) throw new StalePlanError(p.plan.version, version);
    byPlan.set(p.plan, [...(byPlan.get(p.plan) ?? []), ...results[i]!.inserted]);
  });
  for (const [plan, inserted] of byPlan) {
    if (inserted.length === 0) continue;
    await applyDeltas(tx, modeCode(mode), plan.deltas(inserted));
    if (plan.apiCalls) await applyApiCallDeltas(tx, modeCode(mode), plan.apiCalls(inserted));
  }
  return results;
}

export function groupInsert(pool: PgPool, opts: { maxInFlight?: number; maxGroup?: number } = {}): EventStore['insert'] {
  const maxInFlight = opts.maxInFlight ?? 3;
  const maxGroup = opts.maxGroup ?? 16;
  const queues = new Map<Mode, Pending[]>();
  let inFlight = 0;

  const run = async (mode: Mode, group: Pending[]): Promise<void> => {
    try {
      const results = await guard(() => pool.transaction((tx) => writeGroup(tx, mode, group)));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const p of group) await run(mode, [p]);
    }
  };
  const pump = () => {
    for (const [mode, queue] of queues) {
      while (inFlight < maxInFlight && queue.length > 0) {
        inFlight++;
        void run(mode, queue.splice(0, maxGroup)).finally(() => {
          inFlight--;
          pump();
        });
      }
    }
  };

  return (mode, events, at, plan) => {
    if (events.length === 0) return Promise.resolve({ inserted: [] });
    return new Promise((resolve, reject) => {
      let queue = queues.get(mode);
      if (!queue) queues.set(mode, (queue = []));
      queue.push({ events, at, plan, resolve, reject });
      pump();
    });
  };
}
