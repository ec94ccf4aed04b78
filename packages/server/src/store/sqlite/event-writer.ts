import type { RollupRules } from '../rollup-rules.js';
import type { SqliteAnalytics } from './analytics.js';
import type { SqliteDatabase } from './driver.js';
import type { EventBatch } from './event-batch.js';
import { groupCommit } from './group-commit.js';
import { multiRowInsert } from './multi-row.js';
import type { RollupKeys } from './rollup-keys.js';
import { rollupFolder } from './rollup-fold.js';

/**
 * Where event inserts and rollup folds run: in this thread, or in a writer
 * thread (writer-thread.ts) so that commits, fsyncs and folds never hold up
 * the thread that parses and answers requests.
 */
export interface EventWriter {
  /** Durably inserts the events new in this mode; resolves with their indexes. */
  insert(mode: number, batch: EventBatch, at: number): Promise<number[]>;
  /** Folds every committed event into rollups. */
  catchUp(): Promise<void>;
  useRules(rules: RollupRules): void;
  /** Events committed but not yet folded. */
  pending(): Promise<number>;
  close(): Promise<void>;
}

/** The writer in this thread, over this connection. */
export function localWriter(db: SqliteDatabase, analytics: SqliteAnalytics, keys: RollupKeys): EventWriter {
  const folder = rollupFolder(db, analytics, keys);
  const insertRows = multiRowInsert(db, 'INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at)', 7, 'ON CONFLICT DO NOTHING');
  const newRows = db.prepare('SELECT seq, event_id FROM events WHERE seq > ? AND seq <= ? ORDER BY seq');
  // Each request is all or nothing, and concurrent requests share one fsync.
  const insertAll = groupCommit(db, ({ mode, batch: b, at }: { mode: number; batch: EventBatch; at: number }) => {
    const indexes: number[] = [];
    const seqs: number[] = [];
    const fill = (p: unknown[], k: number, i: number) => {
      p[k] = mode;
      p[k + 1] = b.ids[i];
      p[k + 2] = b.customers[i];
      p[k + 3] = b.names[i];
      p[k + 4] = b.ts[i];
      p[k + 5] = b.metadata[i];
      p[k + 6] = at;
    };
    insertRows(b.ids.length, fill, (r, lo, rows) => {
      if (r.changes === 0) return;
      // New rows take the next seqs in VALUES order (this connection is the
      // only writer inside the transaction), so they end at lastInsertRowid.
      const last = Number(r.lastInsertRowid);
      if (r.changes === rows) {
        for (let j = 0; j < rows; j++) (indexes.push(lo + j), seqs.push(last - rows + 1 + j));
        return;
      }
      // Some were stored before: read back which rows are new.
      const indexOf = new Map<string, number>();
      for (let j = 0; j < rows; j++) indexOf.set(b.ids[lo + j]!, lo + j);
      for (const row of newRows.all(last - r.changes, last) as Array<{ seq: number; event_id: string }>) {
        indexes.push(indexOf.get(row.event_id)!);
        seqs.push(row.seq);
      }
    });
    return { indexes, seqs };
  });
  return {
    async insert(mode, batch, at) {
      const { indexes, seqs } = await insertAll({ mode, batch, at });
      if (indexes.length > 0) folder.committed(mode, batch, indexes, seqs);
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
