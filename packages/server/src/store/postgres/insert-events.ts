import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { Mode } from '../types.js';

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
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::int8[], $6::jsonb[], $7::int8[])
    WITH ORDINALITY AS t(event_id, customer_id, event_name, ts, metadata, ingested_at, ord)
), fresh AS (
  INSERT INTO event_ids (mode, event_id, ts)
  SELECT $1, event_id, ts FROM input ORDER BY event_id
  ON CONFLICT DO NOTHING
  RETURNING event_id
), stored AS (
  INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at)
  SELECT $1, i.event_id, i.customer_id, i.event_name, i.ts, i.metadata, i.ingested_at
  FROM input i JOIN fresh f ON f.event_id = i.event_id
  ORDER BY i.ord
)
SELECT event_id, NULL::int AS version FROM fresh
UNION ALL
SELECT NULL, version FROM v`;

/** The parameters of INSERT_EVENTS: events (unique event_ids) and when each request arrived. */
export function insertParams(mode: Mode, events: readonly ValidEvent[], ingestedAt: number | readonly number[]): unknown[] {
  return [
    modeCode(mode),
    events.map((e) => e.eventId),
    events.map((e) => e.customerId),
    events.map((e) => e.eventName),
    events.map((e) => e.timestamp),
    events.map((e) => e.metadata),
    typeof ingestedAt === 'number' ? events.map(() => ingestedAt) : ingestedAt,
  ];
}
