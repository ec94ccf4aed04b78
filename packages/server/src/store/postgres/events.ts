import { modeCode } from '../mode-code.js';
import type { EventStore } from '../store.js';
import type { EventQuery, Metadata, Mode, StoredEvent } from '../types.js';
import type { PgPool } from './driver.js';
import { guard } from './guard.js';
import { groupInsert } from './group-insert.js';

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

export function postgresEvents(pool: PgPool): EventStore {
  return {
    insert: groupInsert(pool),
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
