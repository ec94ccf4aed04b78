/**
 * Ingest throughput on PostgreSQL over loopback HTTP (1000-event batches,
 * durable commits) against a real server process, and in the same run the
 * raw driver rate for the same rows and the same statement, as the ceiling.
 *   npm run bench:ingest:pg [-- --events 200000 --rounds 5 --concurrency 8 --pool-size 10]
 * Uses TALLY_BENCH_POSTGRES_URL, else TALLY_TEST_POSTGRES_URL, else the local
 * postgres://postgres@127.0.0.1:5432/test, in a throwaway schema.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseTimestamp } from '../packages/core/src/index.ts';
import { connectPostgres } from '../packages/server/src/store/postgres/connect.ts';
import { INSERT_EVENTS, insertParams } from '../packages/server/src/store/postgres/events.ts';
import { migratePostgres } from '../packages/server/src/store/postgres/migrate.ts';
import { ensurePartitions } from '../packages/server/src/store/postgres/partitions.ts';
import { createTestSchema } from '../packages/server/src/testing/postgres-schema.ts';
import { startServerProcess } from '../packages/server/src/testing/start-server-process.ts';
import { bodiesOf, makeEvents } from './lib/events.ts';
import { median, postAll } from './lib/http-load.ts';

const { values } = parseArgs({ options: { events: { type: 'string' }, rounds: { type: 'string' }, concurrency: { type: 'string' }, 'pool-size': { type: 'string' } } });
const EVENTS = Number(values.events ?? 200_000);
const ROUNDS = Number(values.rounds ?? 5);
const CONCURRENCY = Number(values.concurrency ?? 8);
const POOL = Number(values['pool-size'] ?? 10);
const BASE = process.env.TALLY_BENCH_POSTGRES_URL || process.env.TALLY_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The adapter's own insert statement straight through the driver: no HTTP, no validation. */
async function rawCeiling(round: number): Promise<number> {
  const schema = await createTestSchema(BASE, { durable: true });
  const pool = connectPostgres(schema.url, { max: CONCURRENCY });
  try {
    await migratePostgres(pool);
    await ensurePartitions(pool, Date.now());
    const events = makeEvents(`raw${round}`, EVENTS).map((e) => ({
      eventId: e.event_id, customerId: e.customer_id, eventName: e.event_name, timestamp: parseTimestamp(e.timestamp)!, metadata: e.metadata,
    }));
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < events.length) {
        const batch = events.slice(next, (next += 1000));
        await pool.query(INSERT_EVENTS, insertParams('test_mode', batch, Date.now()));
      }
    }));
    return (EVENTS / (performance.now() - t0)) * 1000;
  } finally {
    await pool.end();
    await schema.drop();
  }
}

const schema = await createTestSchema(BASE, { durable: true });
const server = await startServerProcess({ dbPath: schema.url, env: { TALLY_POOL_SIZE: String(POOL) } });
const http: number[] = [];
const ceiling: number[] = [];
try {
  // Warm-up: JIT, prepared statements, page cache; not measured.
  await postAll(`${server.url}/events/ingest`, server.apiKey, bodiesOf(makeEvents('warm', 20_000), 1000), CONCURRENCY);
  for (let r = 0; r < ROUNDS; r++) {
    const bodies = bodiesOf(makeEvents(`r${r}`, EVENTS), 1000);
    const ms = await postAll(`${server.url}/events/ingest`, server.apiKey, bodies, CONCURRENCY);
    http.push((EVENTS / ms) * 1000);
    ceiling.push(await rawCeiling(r));
    console.error(`round ${r + 1}: http ${Math.round(http.at(-1)!)} ev/s, raw ${Math.round(ceiling.at(-1)!)} ev/s`);
  }
} finally {
  await server.stop();
  await schema.drop();
}
const h = median(http);
const c = median(ceiling);
console.log(JSON.stringify({
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model}, node ${process.version}`,
  events_per_round: EVENTS, rounds: ROUNDS, concurrency: CONCURRENCY, pool_size: POOL,
  http_events_per_s_median: Math.round(h),
  raw_postgres_events_per_s_median: Math.round(c),
  fraction_of_ceiling: Number((h / c).toFixed(3)),
}, null, 2));
