import type { Meter, MeterDeltas } from '../meter-types.js';
import type { RollupRules } from '../rollup-rules.js';
import type { SqliteAnalytics } from './analytics.js';
import type { SqliteDatabase } from './driver.js';
import type { EventBatch, SeqEvent } from './event-batch.js';
import { FoldHandoff, noItems, pushItem, type FoldItems } from './fold-handoff.js';
import { eventCustomerIndex } from './event-customers.js';
import { guard } from './guard.js';
import { toMeter, type MeterRow } from './meters.js';
import { rollupApplier } from './rollup-apply.js';
import type { RollupKeys } from './rollup-keys.js';
import { readVersion } from './meter-version.js';
import { StoredUniques } from './stored-uniques.js';

interface EventRow {
  seq: number; mode: number; event_id: string; customer_id: string; event_name: string; ts: number; metadata: string | null;
}

export interface FoldOptions {
  /** Events folded per transaction. */
  chunk?: number;
  /** How long after a commit the fold waits, so a burst of requests folds as one. */
  delayMs?: number;
}

/**
 * Folds the event log into rollups, and into the per-customer event index,
 * after commit. Ingest stays one insert per
 * event; deltas of many requests merge before they are written, so a busy
 * customer's minute costs one upsert per fold, not one per request. The
 * cursor moves in the transaction that writes the deltas, so each event is
 * folded exactly once, crash or not. Readers call catchUp() first, so a usage
 * answer always includes every committed event.
 */
export function rollupFolder(db: SqliteDatabase, analytics: SqliteAnalytics, keys: RollupKeys, opts: FoldOptions = {}) {
  const stored = new StoredUniques();
  const apply = rollupApplier(db, keys, stored);
  const versions = new Map<number, number>();
  const chunk = opts.chunk ?? 50_000;
  // Long enough that a busy second's requests fold together (most of the
  // saving), short enough that the log stays small; readers never wait for it.
  const delayMs = opts.delayMs ?? 1000;
  let rules: RollupRules | undefined;
  let timer: NodeJS.Timeout | undefined;
  const cursor = db.prepare('SELECT seq FROM rollup_cursor WHERE id = 1');
  const moveCursor = db.prepare('UPDATE rollup_cursor SET seq = ? WHERE id = 1');
  const after = db.prepare('SELECT seq, mode, event_id, customer_id, event_name, ts, metadata FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
  const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events');
  const activeMeters = db.prepare('SELECT * FROM meters WHERE mode = ? AND archived = 0');
  const indexCustomers = eventCustomerIndex(db, keys);

  const foldMode = (r: RollupRules, mode: number, events: SeqEvent[]) => {
    // Unarchiving deletes a meter's rows: what this writer knew stored may be gone.
    const version = readVersion(db, mode);
    if (versions.get(mode) !== version) (stored.clear(), versions.set(mode, version));
    const whole: Meter[] = [];
    const deltas: MeterDeltas[] = [];
    for (const row of activeMeters.all(mode) as MeterRow[]) {
      // Events up to a meter's high-water mark are its backfill's to count.
      if (row.backfill_hwm < events[0]!.seq) whole.push(toMeter(row));
      else {
        const mine = events.filter((e) => e.seq > row.backfill_hwm);
        if (mine.length > 0) deltas.push(...r.deltas([toMeter(row)], mine));
      }
    }
    if (whole.length > 0) deltas.push(...r.deltas(whole, events));
    if (deltas.length > 0) apply(mode, deltas);
    analytics.apply(mode, r.apiCalls(events));
  };

  const handoff = new FoldHandoff();

  const fromLog = (from: number): FoldItems => {
    const items = noItems();
    for (const row of after.all(from, chunk) as EventRow[]) {
      pushItem(items, row.mode, {
        seq: row.seq, eventId: row.event_id, customerId: row.customer_id, eventName: row.event_name,
        timestamp: row.ts, metadata: row.metadata === null ? null : JSON.parse(row.metadata),
      });
    }
    return items;
  };

  const foldChunk = db.transaction((r: RollupRules): number => {
    const from = (cursor.get() as { seq: number }).seq;
    const items = handoff.take(from, () => (lastSeq.get() as { seq: number }).seq, chunk) ?? fromLog(from);
    if (items.count === 0) return 0;
    keys.begin(); // keys cached by a rolled-back fold may not exist
    for (const [mode, events] of items.byMode) {
      foldMode(r, mode, events);
      indexCustomers(mode, events);
    }
    moveCursor.run(items.last);
    handoff.forget(items.last);
    return items.count;
  });

  /** One chunk; what it stored counts as stored only if it commits. */
  const fold = (r: RollupRules): number => {
    try {
      const n = guard(() => foldChunk(r));
      stored.commit();
      return n;
    } catch (err) {
      stored.rollback();
      throw err;
    }
  };

  const run = () => {
    timer = undefined;
    if (!rules || !db.open) return;
    try {
      // One chunk per turn of the event loop: a backlog never blocks requests for long.
      if (fold(rules) >= chunk) timer = setTimeout(run, 0);
    } catch {
      timer = setTimeout(run, 500); // the database is busy or failing: the log keeps every event, try later
    }
    timer?.unref();
  };

  return {
    use(r: RollupRules) {
      rules = r;
      this.schedule();
    },
    /** Takes a newly committed batch (in log order): its rows `indexes` got `seqs`. Folds soon. */
    committed: (mode: number, batch: EventBatch, indexes: number[], seqs: number[]) => {
      if (!rules) return;
      handoff.add(mode, batch, indexes, seqs);
      if (!timer) (timer = setTimeout(run, delayMs)).unref();
    },
    /** Folds soon. */
    schedule() {
      if (rules && !timer) (timer = setTimeout(run, delayMs)).unref();
    },
    /** Folds everything committed so far, now (before any rollup read). */
    catchUp() {
      if (!rules) return;
      while (fold(rules) >= chunk);
    },
    /** Events committed but not yet folded: the rollup lag. */
    pending(): number {
      return guard(() => (lastSeq.get() as { seq: number }).seq - (cursor.get() as { seq: number }).seq);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type RollupFolder = ReturnType<typeof rollupFolder>;
