import type { ValidEvent } from '@tally/core';
import type { RollupRules } from '../rollup-rules.js';
import type { SqliteAnalytics } from './analytics.js';
import type { SqliteDatabase } from './driver.js';
import { groupCommit } from './group-commit.js';
import type { RollupApplier } from './rollup-apply.js';
import { rollupFolder } from './rollup-fold.js';

/**
 * Where event inserts and rollup folds run: in this thread, or in a writer
 * thread (writer-thread.ts) so that commits, fsyncs and folds never hold up
 * the thread that parses and answers requests.
 */
export interface EventWriter {
  /** Durably inserts the events new in this mode; resolves with their indexes. */
  insert(mode: number, events: ValidEvent[], at: number): Promise<number[]>;
  /** Folds every committed event into rollups. */
  catchUp(): Promise<void>;
  useRules(rules: RollupRules): void;
  /** Events committed but not yet folded. */
  pending(): Promise<number>;
  close(): Promise<void>;
}

/** The writer in this thread, over this connection. */
export function localWriter(db: SqliteDatabase, apply: RollupApplier, analytics: SqliteAnalytics): EventWriter {
  const folder = rollupFolder(db, apply, analytics);
  const insertOne = db.prepare(
    `INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  // Each request is all or nothing, and concurrent requests share one fsync.
  const insertAll = groupCommit(db, ({ mode, events, at }: { mode: number; events: ValidEvent[]; at: number }) => {
    const indexes: number[] = [];
    const seqs: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const meta = e.metadata === null ? null : JSON.stringify(e.metadata);
      const r = insertOne.run(mode, e.eventId, e.customerId, e.eventName, e.timestamp, meta, at);
      if (r.changes === 1) {
        indexes.push(i);
        seqs.push(Number(r.lastInsertRowid));
      }
    }
    return { indexes, seqs };
  });
  return {
    async insert(mode, events, at) {
      const { indexes, seqs } = await insertAll({ mode, events, at });
      if (indexes.length > 0) folder.committed(mode, indexes.map((i) => events[i]!), seqs);
      return indexes;
    },
    async catchUp() {
      folder.catchUp();
    },
    useRules: (rules) => folder.use(rules),
    async pending() {
      return folder.pending();
    },
    async close() {
      folder.stop();
    },
  };
}
