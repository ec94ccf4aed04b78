import type { ValidEvent } from '@tally/core';
import type { MeterDeltas } from '../meter-types.js';
import type { RollupRules } from '../rollup-rules.js';
import type { SqliteAnalytics } from './analytics.js';
import type { SqliteDatabase } from './driver.js';
import { guard } from './guard.js';
import { toMeter, type MeterRow } from './meters.js';
import type { RollupApplier } from './rollup-apply.js';

interface EventRow {
  seq: number; mode: number; event_id: string; customer_id: string; event_name: string; ts: number; metadata: string | null;
}
type SeqEvent = ValidEvent & { seq: number };

export interface FoldOptions {
  /** Events folded per transaction. */
  chunk?: number;
  /** How long after a commit the fold waits, so a burst of requests folds as one. */
  delayMs?: number;
}

/**
 * Folds the event log into rollups after commit. Ingest stays one insert per
 * event; deltas of many requests merge before they are written, so a busy
 * customer's minute costs one upsert per fold, not one per request. The
 * cursor moves in the transaction that writes the deltas, so each event is
 * folded exactly once, crash or not. Readers call catchUp() first, so a usage
 * answer always includes every committed event.
 */
export function rollupFolder(db: SqliteDatabase, apply: RollupApplier, analytics: SqliteAnalytics, opts: FoldOptions = {}) {
  const chunk = opts.chunk ?? 20_000;
  const delayMs = opts.delayMs ?? 20;
  let rules: RollupRules | undefined;
  let timer: NodeJS.Timeout | undefined;
  const cursor = db.prepare('SELECT seq FROM rollup_cursor WHERE id = 1');
  const moveCursor = db.prepare('UPDATE rollup_cursor SET seq = ? WHERE id = 1');
  const after = db.prepare('SELECT seq, mode, event_id, customer_id, event_name, ts, metadata FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
  const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events');
  const activeMeters = db.prepare('SELECT * FROM meters WHERE mode = ? AND archived = 0');

  const foldMode = (r: RollupRules, mode: number, events: SeqEvent[]) => {
    const names = new Set(events.map((e) => e.eventName));
    const deltas: MeterDeltas[] = [];
    for (const row of activeMeters.all(mode) as MeterRow[]) {
      if (!names.has(row.event_name)) continue;
      // Events up to the meter's high-water mark are its backfill's to count.
      const mine = row.backfill_hwm >= events[0]!.seq ? events.filter((e) => e.seq > row.backfill_hwm) : events;
      if (mine.length > 0) deltas.push(r.meterDeltas(toMeter(row), mine));
    }
    if (deltas.length > 0) apply(mode, deltas);
    analytics.apply(mode, r.apiCalls(events));
  };

  const foldChunk = db.transaction((r: RollupRules): number => {
    const rows = after.all((cursor.get() as { seq: number }).seq, chunk) as EventRow[];
    if (rows.length === 0) return 0;
    const byMode = new Map<number, SeqEvent[]>();
    for (const row of rows) {
      let list = byMode.get(row.mode);
      if (!list) byMode.set(row.mode, (list = []));
      list.push({
        seq: row.seq, eventId: row.event_id, customerId: row.customer_id, eventName: row.event_name,
        timestamp: row.ts, metadata: row.metadata === null ? null : JSON.parse(row.metadata),
      });
    }
    for (const [mode, events] of byMode) foldMode(r, mode, events);
    moveCursor.run(rows[rows.length - 1]!.seq);
    return rows.length;
  });

  const run = () => {
    timer = undefined;
    if (!rules || !db.open) return;
    try {
      // One chunk per turn of the event loop: a backlog never blocks requests for long.
      if (guard(() => foldChunk(rules!)) === chunk) timer = setTimeout(run, 0);
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
    /** Folds soon; called after each commit. */
    schedule() {
      if (rules && !timer) (timer = setTimeout(run, delayMs)).unref();
    },
    /** Folds everything committed so far, now (before any rollup read). */
    catchUp() {
      if (!rules) return;
      while (guard(() => foldChunk(rules!)) === chunk);
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
