import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { createContext } from '../services/create-context.js';
import { openStore } from '../store/open-store.js';
import { importRecords, type ImportReport } from '../transfer/import-data.js';
import { progressBar } from '../transfer/progress.js';

const FLAGS = {
  db: { type: 'string' },
  in: { type: 'string' },
  'allow-backdated': { type: 'boolean' },
  'max-event-age': { type: 'string' },
  'max-event-future': { type: 'string' },
} as const;

const n = (x: number) => x.toLocaleString('en-US');
const summary = (r: ImportReport) =>
  `${n(r.customersCreated)} customers created (${n(r.customersExisting)} already there), ` +
  `${n(r.billingCreated)} meters, plans, subscriptions and limits created (${n(r.billingExisting)} already there), ` +
  `${n(r.eventsIngested)} events stored, ${n(r.eventsDuplicate)} duplicates skipped, ${n(r.eventsRejected)} rejected`;

/** tally import [--db URL] [--in FILE|-] [--allow-backdated]: reads `tally export` NDJSON into a store. */
export async function importCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: FLAGS, strict: true });
  const config = loadConfig({ db: values.db, 'max-event-age': values['max-event-age'], 'max-event-future': values['max-event-future'] });
  const path = values.in ?? '-';
  const total = path === '-' ? undefined : statSync(path).size;
  const store = await openStore({ url: config.databaseUrl, poolSize: 2 });
  const ctx = await createContext(config, store);
  // Opened only now, with the reader attached at once: a stream that flowed
  // while the database was opening would have ended unread.
  const input = path === '-' ? process.stdin : createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let bytes = 0;
  input.on('data', (chunk: Buffer | string) => (bytes += chunk.length));
  const bar = progressBar(process.stderr, total);
  try {
    const report = await importRecords(lines, {
      store,
      ingest: (mode, body) => ctx.events.ingest(mode, body, { backdated: true }),
      window: config.window,
      allowBackdated: values['allow-backdated'] ?? false,
      onProgress: (r) => bar.update(bytes, `${n(r.eventsIngested)} events`),
      onMeterCreated: (mode, id) => void ctx.meters.backfills.start(mode, id),
    });
    // Meters created over events already there count them before we exit.
    await ctx.meters.backfills.idle();
    bar.finish(`${n(report.eventsIngested)} events`);
    for (const p of report.problems) console.error(p);
    if (report.problems.length === 100) console.error('… (only the first 100 problems are shown)');
    console.error(`imported: ${summary(report)}`);
    if (report.eventsOutsideWindow > 0) {
      console.error(`${n(report.eventsOutsideWindow)} events lie outside the accepted time window; re-run with --allow-backdated to import history`);
    }
    if (report.eventsRejected > 0 || report.problems.length > 0) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
