import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { EventStore, InsertResult } from '../store.js';
import type { EventQuery, Mode, StoredEvent } from '../types.js';
import type { SqliteDatabase } from './driver.js';
import type { EventWriter } from './event-writer.js';
import { guard } from './guard.js';

interface EventRow {
  event_id: string;
  customer_id: string;
  event_name: string;
  ts: number;
  metadata: string | null;
  ingested_at: number;
}

const COLUMNS = 'event_id, customer_id, event_name, ts, metadata, ingested_at';

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    customerId: row.customer_id,
    eventName: row.event_name,
    timestamp: row.ts,
    metadata: row.metadata === null ? null : JSON.parse(row.metadata),
    ingestedAt: row.ingested_at,
  };
}

/** Event reads on this connection; inserts go through the writer (this thread or a writer thread). */
export function sqliteEvents(db: SqliteDatabase, writer: EventWriter): EventStore {
  const getOne = db.prepare(`SELECT ${COLUMNS} FROM events WHERE mode = ? AND event_id = ?`);
  const listCache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  return {
    // A rollup plan is not needed here: SQLite folds rollups from the log (rollup-fold.ts).
    async insert(mode: Mode, events: ValidEvent[], ingestedAt: number): Promise<InsertResult> {
      const indexes = await writer.insert(modeCode(mode), events, ingestedAt);
      return { inserted: indexes.map((i) => events[i]!) };
    },
    async get(mode, eventId) {
      return guard(() => {
        const row = getOne.get(modeCode(mode), eventId) as EventRow | undefined;
        return row && toStoredEvent(row);
      });
    },
    async list(mode: Mode, q: EventQuery) {
      const where = ['mode = ?'];
      const params: unknown[] = [modeCode(mode)];
      if (q.customerId !== undefined) (where.push('customer_id = ?'), params.push(q.customerId));
      if (q.eventName !== undefined) (where.push('event_name = ?'), params.push(q.eventName));
      if (q.start !== undefined) (where.push('ts >= ?'), params.push(q.start));
      if (q.end !== undefined) (where.push('ts < ?'), params.push(q.end));
      const sql = `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY ts DESC, seq DESC LIMIT ? OFFSET ?`;
      let stmt = listCache.get(sql);
      if (!stmt) listCache.set(sql, (stmt = db.prepare(sql)));
      return guard(() => (stmt.all(...params, q.limit, q.offset) as EventRow[]).map(toStoredEvent));
    },
  };
}
