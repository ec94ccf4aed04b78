import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { EventStore, InsertResult } from '../store.js';
import type { EventQuery, Mode, StoredEvent } from '../types.js';
import type { SqliteDatabase } from './driver.js';
import { toEventBatch } from './event-batch.js';
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
      const indexes = await writer.insert(modeCode(mode), toEventBatch(events), ingestedAt);
      return { inserted: indexes.map((i) => events[i]!) };
    },
    async get(mode, eventId) {
      return guard(() => {
        const row = getOne.get(modeCode(mode), eventId) as EventRow | undefined;
        return row && toStoredEvent(row);
      });
    },
    async list(mode: Mode, q: EventQuery) {
      const { sql, params } = q.customerId === undefined ? listAll(modeCode(mode), q) : listCustomer(modeCode(mode), q.customerId, q);
      let stmt = listCache.get(sql);
      if (!stmt) listCache.set(sql, (stmt = db.prepare(sql)));
      return guard(() => (stmt.all(...params, q.limit, q.offset) as EventRow[]).map(toStoredEvent));
    },
  };
}

const E_COLUMNS = COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');

/** The optional conditions of a listing, on the events alias `e` and the time column given. */
function conditions(q: EventQuery, ts: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.eventName !== undefined) (where.push('e.event_name = ?'), params.push(q.eventName));
  if (q.start !== undefined) (where.push(`${ts} >= ?`), params.push(q.start));
  if (q.end !== undefined) (where.push(`${ts} < ?`), params.push(q.end));
  return { where, params };
}

/** Newest first through the (mode, ts) index. */
function listAll(mode: number, q: EventQuery) {
  const c = conditions(q, 'e.ts');
  const sql = `SELECT ${E_COLUMNS} FROM events e WHERE ${['e.mode = ?', ...c.where].join(' AND ')}
    ORDER BY e.ts DESC, e.seq DESC LIMIT ? OFFSET ?`;
  return { sql, params: [mode, ...c.params] };
}

/**
 * One customer's events: the folded ones through event_customers (filled by
 * the fold, in (customer key, ts, seq) order), merged with those still above the
 * fold cursor, read from the log. One statement reads one snapshot, so no
 * event is in both parts or in neither.
 */
function listCustomer(mode: number, customerId: string, q: EventQuery) {
  const folded = conditions(q, 'c.ts');
  // Unary plus keeps the planner off the ts index: the recent part is a range of seq.
  const recent = conditions(q, '+e.ts');
  // The first part's order comes straight from event_customers' key.
  const sql = `SELECT e.event_id, e.customer_id, e.event_name, c.ts, e.metadata, e.ingested_at, c.seq
      FROM rollup_customers k JOIN event_customers c ON c.ckey = k.ckey JOIN events e ON e.seq = c.seq
      WHERE ${['k.mode = ?', 'k.customer_id = ?', ...folded.where].join(' AND ')}
    UNION ALL
    SELECT ${E_COLUMNS}, e.seq FROM events e
      WHERE ${['e.seq > (SELECT seq FROM rollup_cursor WHERE id = 1)', '+e.mode = ?', 'e.customer_id = ?', ...recent.where].join(' AND ')}
    ORDER BY ts DESC, seq DESC LIMIT ? OFFSET ?`;
  return { sql, params: [mode, customerId, ...folded.params, mode, customerId, ...recent.params] };
}
