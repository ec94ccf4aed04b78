/**
 * Ingest throughput over loopback HTTP (1000-event batches, durable commits)
 * against a real server process on SQLite, and in the same run the raw
 * better-sqlite3 insert rate for the same rows as the ceiling. The HTTP clock
 * stops when a read has folded every event (API-call analytics and the
 * per-customer index), so work deferred past the last 200 is counted.
 *   npm run bench:ingest [-- --events 200000 --rounds 5 --concurrency 8 --ids seq|uuid4|uuid7]
 */
import { parseArgs } from 'node:util';
import os from 'node:os';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../packages/server/src/store/sqlite/migrations.ts';
import { startServerProcess } from '../packages/server/src/testing/start-server-process.ts';
import { tempDbPath } from '../packages/server/src/testing/temp-db.ts';
import { bodiesOf, makeEvents, type IdKind } from './lib/events.ts';
import { median, postAll, waitFolded } from './lib/http-load.ts';
import { cpuPerEvent, threadCpu } from './lib/thread-cpu.ts';

const { values } = parseArgs({ options: { events: { type: 'string' }, rounds: { type: 'string' }, concurrency: { type: 'string' }, ids: { type: 'string' } } });
const EVENTS = Number(values.events ?? 200_000);
const ROUNDS = Number(values.rounds ?? 5);
const CONCURRENCY = Number(values.concurrency ?? 8);
const IDS = (values.ids ?? 'seq') as IdKind;
if (!['seq', 'uuid4', 'uuid7'].includes(IDS)) throw new Error('--ids is seq, uuid4 or uuid7');

function rawCeiling(round: number): number {
  const db = tempDbPath();
  const raw = new Database(db.path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  for (const m of SQLITE_MIGRATIONS) raw.exec(m);
  // The server's own way to insert: 100-row statements (see multi-row.ts).
  const tuple = '(?, ?, ?, ?, ?, ?, ?)';
  const insert = raw.prepare(`INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at) VALUES ${Array(100).fill(tuple).join(', ')} ON CONFLICT DO NOTHING`);
  const events = makeEvents(`raw${round}`, EVENTS, Date.now(), IDS);
  const rows = events.map((e) => [0, e.event_id, e.customer_id, e.event_name, Date.parse(e.timestamp), JSON.stringify(e.metadata), 0]);
  const tx = raw.transaction((chunk: unknown[][]) => { for (let i = 0; i < chunk.length; i += 100) insert.run(chunk.slice(i, i + 100).flat()); });
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 1000) tx(rows.slice(i, i + 1000));
  const ms = performance.now() - t0;
  raw.close();
  db.remove();
  return (EVENTS / ms) * 1000;
}

const server = await startServerProcess({ built: true });
const http: number[] = [];
const ceiling: number[] = [];
const cpu: Array<ReturnType<typeof cpuPerEvent>> = [];
try {
  // Warm-up: JIT and page cache, not measured.
  await postAll(`${server.url}/events/ingest`, server.apiKey, bodiesOf(makeEvents('warm', 20_000, Date.now(), IDS), 1000), CONCURRENCY);
  for (let r = 0; r < ROUNDS; r++) {
    const bodies = bodiesOf(makeEvents(`r${r}`, EVENTS, Date.now(), IDS), 1000);
    const cpu0 = threadCpu(server.child.pid!);
    const t0 = performance.now();
    await postAll(`${server.url}/events/ingest`, server.apiKey, bodies, CONCURRENCY);
    await waitFolded(server.url, server.apiKey);
    http.push((EVENTS / (performance.now() - t0)) * 1000);
    cpu.push(cpuPerEvent(server.child.pid!, cpu0, threadCpu(server.child.pid!), EVENTS));
    ceiling.push(rawCeiling(r));
    const c = cpu.at(-1)!;
    console.error(`round ${r + 1}: http ${Math.round(http.at(-1)!)} ev/s, raw ${Math.round(ceiling.at(-1)!)} ev/s; server CPU µs/event: main ${c.main}, writer ${c.writer}, other ${c.rest}; load ${os.loadavg()[0]!.toFixed(2)}`);
  }
} finally {
  await server.stop();
}
const h = median(http);
const c = median(ceiling);
console.log(JSON.stringify({
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model}, node ${process.version}`,
  events_per_round: EVENTS, rounds: ROUNDS, concurrency: CONCURRENCY, event_ids: IDS,
  http_events_per_s_median: Math.round(h),
  raw_sqlite_events_per_s_median: Math.round(c),
  fraction_of_ceiling: Number((h / c).toFixed(3)),
  server_cpu_us_per_event_median: {
    main_thread: median(cpu.map((x) => x.main)), writer_thread: median(cpu.map((x) => x.writer)), other_threads: median(cpu.map((x) => x.rest)),
  },
}, null, 2));
