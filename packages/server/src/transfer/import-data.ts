import { validateBatch, validateEvent, type EventIssue, type TimeWindow } from '@tally/core';
import { ConflictError } from '../errors/domain-error.js';
import type { IngestOutcome } from '../services/event-service.js';
import type { Store } from '../store/store.js';
import { MODES, type Mode } from '../store/types.js';
import { BILLING_TYPES, importBilling, type BillingType } from './import-billing.js';
import { importCustomer } from './import-customer.js';
import { EXPORT_VERSION, type EventRecord } from './records.js';

export interface ImportOptions {
  store: Store;
  /** Stores checked events as the API does (the event service, with no time window). */
  ingest(mode: Mode, body: { events: object[] }): Promise<IngestOutcome>;
  /** The server's accepted window; events outside it are reported unless allowBackdated. */
  window: TimeWindow;
  allowBackdated: boolean;
  batchSize?: number;
  /** Called after each batch. */
  onProgress?(report: ImportReport): void;
  /** Told of each meter created (not archived): its backfill counts events already stored. */
  onMeterCreated?(mode: Mode, id: string): void;
}

export interface ImportReport {
  lines: number;
  customersCreated: number;
  customersExisting: number;
  /** Meters, plans, subscriptions and usage limits created, and those already there. */
  billingCreated: number;
  billingExisting: number;
  eventsIngested: number;
  eventsDuplicate: number;
  eventsRejected: number;
  /** Of the rejected, those only refused for lying outside the accepted window. */
  eventsOutsideWindow: number;
  /** The first problems, each naming its line. */
  problems: string[];
}

const MAX_PROBLEMS = 100;
type Pending = { line: number; record: EventRecord };

/** Reads export lines into a store: customers as they are, events in batches through the API's rules. */
export async function importRecords(lines: AsyncIterable<string>, opts: ImportOptions): Promise<ImportReport> {
  const r: ImportReport = { lines: 0, customersCreated: 0, customersExisting: 0, billingCreated: 0, billingExisting: 0, eventsIngested: 0, eventsDuplicate: 0, eventsRejected: 0, eventsOutsideWindow: 0, problems: [] };
  const problem = (line: number, message: string) => r.problems.length < MAX_PROBLEMS && r.problems.push(`line ${line}: ${message}`);
  const pending = new Map<Mode, Pending[]>(MODES.map((m) => [m, []]));
  const size = opts.batchSize ?? 1000;

  const flush = async (mode: Mode) => {
    const batch = pending.get(mode)!;
    if (batch.length === 0) return;
    pending.set(mode, []);
    await importEvents(mode, batch, opts, r, problem);
    opts.onProgress?.(r);
  };

  for await (const text of lines) {
    const line = ++r.lines;
    if (text.trim() === '') continue;
    let rec: { type?: unknown; mode?: unknown };
    try {
      rec = JSON.parse(text);
    } catch {
      problem(line, 'is not valid JSON');
      continue;
    }
    if (rec?.type === 'tally_export') {
      const v = (rec as { version?: unknown }).version;
      if (typeof v !== 'number' || v > EXPORT_VERSION) throw new Error(`line ${line}: export format version ${String(v)} is newer than this Tally reads (${EXPORT_VERSION})`);
      continue;
    }
    const mode = rec?.mode as Mode;
    if (!MODES.includes(mode)) {
      problem(line, 'mode must be test_mode or live_mode');
      continue;
    }
    if (rec.type === 'event') {
      const list = pending.get(mode)!;
      list.push({ line, record: rec as EventRecord });
      if (list.length >= size) await flush(mode);
    } else if (rec.type === 'customer') {
      // Keep file order: events before this line are stored before the customer exists.
      for (const m of MODES) await flush(m);
      try {
        if (await importCustomer(opts.store, mode, rec)) r.customersCreated++;
        else r.customersExisting++;
      } catch (err) {
        if (!(err instanceof ConflictError) && !(err instanceof TypeError)) throw err;
        problem(line, `customer not imported: ${err.message}`);
      }
    } else if (BILLING_TYPES.includes(rec.type as string)) {
      for (const m of MODES) await flush(m);
      try {
        const created = await importBilling(opts.store, mode, rec.type as BillingType, rec, (id) => opts.onMeterCreated?.(mode, id));
        if (created) r.billingCreated++;
        else r.billingExisting++;
      } catch (err) {
        if (!(err instanceof TypeError) && (err as { kind?: string }).kind !== 'conflict') throw err;
        problem(line, `${rec.type} not imported: ${(err as Error).message}`);
      }
    } else {
      problem(line, `unknown record type ${JSON.stringify(rec?.type)}`);
    }
  }
  for (const m of MODES) await flush(m);
  // Batches are checked when full, so problems arrive out of line order.
  r.problems.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return r;
}

async function importEvents(mode: Mode, batch: Pending[], opts: ImportOptions, r: ImportReport, problem: (line: number, msg: string) => void) {
  // A file may repeat an event_id: the first wins, the rest are duplicates, as on a retry.
  const seen = new Set<string>();
  const unique = batch.filter(({ record }) => (seen.has(record.event_id) ? (r.eventsDuplicate++, false) : (seen.add(record.event_id), true)));
  const wire = unique.map(({ record: { type: _t, mode: _m, ...event } }) => event);
  const now = Date.now();
  const window = opts.allowBackdated ? undefined : opts.window;
  let good = wire;
  if (!validateBatch({ events: wire }, { now, window }).ok) {
    // Some are bad: sort them out one by one, so one bad line does not sink its batch.
    good = [];
    wire.forEach((event, i) => {
      const issues: EventIssue[] = [];
      if (validateEvent(event, i, { now, window }, issues)) return void good.push(event);
      r.eventsRejected++;
      const onlyWindow = window !== undefined && validateEvent(event, i, { now }, []) !== undefined;
      if (onlyWindow) r.eventsOutsideWindow++;
      problem(unique[i]!.line, `event ${JSON.stringify(event.event_id)} not imported: ${issues.map((x) => `${x.field} ${x.message}`).join('; ')}`);
    });
  }
  if (good.length === 0) return;
  const outcome = await opts.ingest(mode, { events: good });
  r.eventsIngested += outcome.ingested_count;
  r.eventsDuplicate += outcome.duplicate_count;
}
