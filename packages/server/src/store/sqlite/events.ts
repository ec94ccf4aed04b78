import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { EventStore, InsertResult } from '../store.js';
import type { EventQuery, Mode, StoredEvent } from '../types.js';
import type { SqliteDatabase } from './driver.js';
import { groupCommit } from './group-commit.js';
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

/** New events with their log positions, handed on after the commit that made them durable. */
export type Committed = (mode: number, events: ValidEvent[], seqs: number[]) => void;

/** `committed` runs after each durable insert: rollups are folded from the log then. */
export function sqliteEvents(db: SqliteDatabase, committed: Committed = () => {}): EventStore {
  const insertOne = db.prepare(
    `INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const getOne = db.prepare(`SELECT ${COLUMNS} FROM events WHERE mode = ? AND event_id = ?`);
  // Each request is all or nothing, and concurrent requests share one fsync.
  const insertAll = groupCommit(db, ({ mode, events, at }: { mode: number; events: ValidEvent[]; at: number }) => {
    const inserted: ValidEvent[] = [];
    const seqs: number[] = [];
    for (const e of events) {
      const meta = e.metadata === null ? null : JSON.stringify(e.metadata);
      const r = insertOne.run(mode, e.eventId, e.customerId, e.eventName, e.timestamp, meta, at);
      if (r.changes === 1) {
        inserted.push(e);
        seqs.push(Number(r.lastInsertRowid));
      }
    }
    return { inserted, seqs };
  });
  const listCache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  return {
    // A rollup plan is not needed here: SQLite folds rollups from the log (rollup-fold.ts).
    async insert(mode: Mode, events: ValidEvent[], ingestedAt: number): Promise<InsertResult> {
      const m = modeCode(mode);
      const { inserted, seqs } = await insertAll({ mode: m, events, at: ingestedAt });
      if (inserted.length > 0) committed(m, inserted, seqs);
      return { inserted };
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
