import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { EventStore, InsertResult } from '../store.js';
import type { EventQuery, Metadata, Mode, StoredEvent } from '../types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';

interface EventRow {
  event_id: string;
  customer_id: string;
  event_name: string;
  ts: number;
  metadata: Metadata | null;
  ingested_at: number;
}

const COLUMNS = 'event_id, customer_id, event_name, ts, metadata, ingested_at';

const toStoredEvent = (r: EventRow): StoredEvent => ({
  eventId: r.event_id,
  customerId: r.customer_id,
  eventName: r.event_name,
  timestamp: r.ts,
  metadata: r.metadata,
  ingestedAt: r.ingested_at,
});

// One statement, so one round trip and one commit per batch. The batch
// travels as column arrays (unnest), not 7000 parameters. event_ids are
// claimed in event_id order: concurrent batches sharing IDs then lock them
// in the same order and cannot deadlock. Only the claimed ones are stored.
export const INSERT_EVENTS = `
WITH input AS (
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
SELECT event_id FROM fresh`;

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
    async insert(mode: Mode, events: ValidEvent[], ingestedAt: number): Promise<InsertResult> {
      if (events.length === 0) return { inserted: [] };
      const rows = await guard(() => pool.query<{ event_id: string }>(INSERT_EVENTS, insertParams(mode, events, ingestedAt)));
      const fresh = new Set(rows.map((r) => r.event_id));
      return { inserted: events.filter((e) => fresh.has(e.eventId)) };
    },
    async get(mode, eventId) {
      // event_ids gives the timestamp, which prunes the lookup to one partition.
      const rows = await guard(() => pool.query<EventRow>(
        `SELECT ${COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}
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
      const sql = `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')}
        ORDER BY ts DESC, seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
      const rows = await guard(() => pool.query<EventRow>(sql, [...params, q.limit, q.offset]));
      return rows.map(toStoredEvent);
    },
  };
}
