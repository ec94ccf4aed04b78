import type { ValidEvent } from '@tally/core';
import { modeCode } from '../mode-code.js';
import type { EventStore, InsertResult } from '../store.js';
import type { EventQuery, Mode, StoredEvent } from '../types.js';
import type { RollupPlan } from '../meter-types.js';
import { StalePlanError } from '../stale-plan-error.js';
import type { SqliteDatabase } from './driver.js';
import { groupCommit } from './group-commit.js';
import { guard } from './guard.js';
import { readVersion } from './meter-version.js';
import type { RollupApplier } from './rollup-apply.js';
import type { SqliteAnalytics } from './analytics.js';

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

export function sqliteEvents(db: SqliteDatabase, rollups: RollupApplier, analytics?: SqliteAnalytics): EventStore {
  const insertOne = db.prepare(
    `INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const getOne = db.prepare(`SELECT ${COLUMNS} FROM events WHERE mode = ? AND event_id = ?`);
  // Each request is all or nothing, and concurrent requests share one fsync.
  const insertAll = groupCommit(db, ({ mode, events, at, plan }: { mode: number; events: ValidEvent[]; at: number; plan?: RollupPlan }) => {
    const inserted: ValidEvent[] = [];
    for (const e of events) {
      const meta = e.metadata === null ? null : JSON.stringify(e.metadata);
      if (insertOne.run(mode, e.eventId, e.customerId, e.eventName, e.timestamp, meta, at).changes === 1) {
        inserted.push(e);
      }
    }
    // Rollups move with the events, from the new ones only: a retry never double counts.
    if (plan) {
      const current = readVersion(db, mode);
      if (current !== plan.version) throw new StalePlanError(plan.version, current);
      if (inserted.length > 0) rollups(mode, plan.deltas(inserted));
      if (inserted.length > 0 && analytics && plan.apiCalls) analytics.apply(mode, plan.apiCalls(inserted));
    }
    return inserted;
  });
  const listCache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  return {
    async insert(mode: Mode, events: ValidEvent[], ingestedAt: number, plan?: RollupPlan): Promise<InsertResult> {
      return { inserted: await insertAll({ mode: modeCode(mode), events, at: ingestedAt, plan }) };
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
