import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { RollupPlan } from '../meter-types.js';
import { StalePlanError } from '../stale-plan-error.js';
import type { EventStore, InsertResult } from '../store.js';
import type { EventQuery, Metadata, Mode, StoredEvent } from '../types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';
import { applyDeltas } from './rollup-apply.js';
import { applyApiCallDeltas } from './analytics.js';

export interface EventRow {
  event_id: string;
  customer_id: string;
  event_name: string;
  ts: number;
  metadata: Metadata | null;
  ingested_at: number;
}

export const EVENT_COLUMNS = 'event_id, customer_id, event_name, ts, metadata, ingested_at';

export const toStoredEvent = (r: EventRow): StoredEvent => ({
  eventId: r.event_id,
  customerId: r.customer_id,
  eventName: r.event_name,
  timestamp: r.ts,
  metadata: r.metadata,
  ingestedAt: r.ingested_at,
});

// One statement, so one round trip per batch. The batch travels as column
// arrays (unnest), not 7000 parameters. event_ids are claimed in event_id
// order: concurrent batches sharing IDs then lock them in the same order and
// cannot deadlock. Only the claimed ones are stored.
//
// It also reads the mode's meter-set version FOR SHARE. A meter change
// updates that row, so it waits for this transaction to commit (and its
// backfill high-water mark covers these events); or this waits for it, and
// then sees the new version, and the plan is refused as stale. Either way no
// event falls between the backfill and ingest.
export const INSERT_EVENTS = `
WITH v AS (
  SELECT version FROM meter_versions WHERE mode = $1 FOR SHARE
), input AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::int8[], $6::jsonb[])
    WITH ORDINALITY AS t(event_id, customer_id, event_name, ts, metadata, ord)
), fresh AS (
  INSERT INTO event_ids (mode, event_id, ts)
  SELECT $1, event_id, ts FROM input ORDER BY event_id
  ON CONFLICT DO NOTHING
  RETURNING event_id
), stored AS (
  INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at)
  SELECT $1, i.event_id, i.customer_id, i.event_name, i.ts, i.metadata, $7
  FROM input i JOIN fresh f ON f.event_id = i.event_id
  ORDER BY i.ord
)
SELECT event_id, NULL::int AS version FROM fresh
UNION ALL
SELECT NULL, version FROM v`;

/** The parameters of INSERT_EVENTS for one batch. */
export function insertParams(mode: Mode, events: readonly ValidEvent[], ingestedAt: number): unknown[] {
  return [
    modeCode(mode),
    events.map((e) => e.eventId),
    events.map((e) => e.customerId),
    events.map((e) => e.eventName),
    events.map((e) => e.timestamp),
    events.map((e) => e.metadata),
    ingestedAt,
  ];
}

export function postgresEvents(pool: PgPool): EventStore {
  return {
    async insert(mode: Mode, events: ValidEvent[], ingestedAt: number, plan?: RollupPlan): Promise<InsertResult> {
      if (events.length === 0) return { inserted: [] };
      // An event_id repeated within the call is stored once, as its first occurrence.
      const seen = new Set<string>();
      const batch = events.filter((e) => !seen.has(e.eventId) && seen.add(e.eventId));
      // All or nothing: the events, their event_ids and their rollups commit together.
      return guard(() => pool.transaction(async (tx) => {
        const rows = await tx.query<{ event_id: string | null; version: number | null }>(INSERT_EVENTS, insertParams(mode, batch, ingestedAt));
        const fresh = new Set<string>();
        let version = 0;
        for (const r of rows) r.event_id === null ? (version = r.version ?? 0) : fresh.add(r.event_id);
        // Throwing rolls the insert back; the planner retries with a fresh plan.
        if (plan && plan.version !== version) throw new StalePlanError(plan.version, version);
        const inserted = batch.filter((e) => fresh.has(e.eventId));
        if (plan && inserted.length > 0) await applyDeltas(tx, modeCode(mode), plan.deltas(inserted));
        if (plan?.apiCalls && inserted.length > 0) await applyApiCallDeltas(tx, modeCode(mode), plan.apiCalls(inserted));
        return { inserted };
      }));
    },
    async get(mode, eventId) {
      // event_ids gives the timestamp, which prunes the lookup to one partition.
      const rows = await guard(() => pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}
         FROM event_ids k JOIN events e ON e.mode = k.mode AND e.ts = k.ts AND e.event_id = k.event_id
         WHERE k.mode = $1 AND k.event_id = $2`,
        [modeCode(mode), eventId],
      ));
      return rows[0] && toStoredEvent(rows[0]);
    },
    async list(mode: Mode, q: EventQuery) {
      const where = ['mode = $1'];
      const params: unknown[] = [modeCode(mode)];
      const add = (sql: string, value: unknown) => (params.push(value), where.push(sql.replace('?', `$${params.length}`)));
      if (q.customerId !== undefined) add('customer_id = ?', q.customerId);
      if (q.eventName !== undefined) add('event_name = ?', q.eventName);
      if (q.start !== undefined) add('ts >= ?', q.start);
      if (q.end !== undefined) add('ts < ?', q.end);
      const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')}
        ORDER BY ts DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
      const rows = await guard(() => pool.query<EventRow>(sql, [...params, q.limit, q.offset]));
      return rows.map(toStoredEvent);
    },
  };
}
