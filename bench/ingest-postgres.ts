/**
 * Ingest throughput on PostgreSQL over loopback HTTP (1000-event batches,
 * durable commits) against real server processes, and in the same run the
 * raw driver rate for the same rows and the same statement, as the ceiling.
 * Three servers, rounds alternating between them:
 *   plain     events with no meter and no API-call fields: the ingest path itself
 *   meters    the same events with 4 meters (count and sum on both event names), timed
 *             until a usage read has folded every pending rollup delta
 *   api-calls bench/lib/events.ts as is (endpoint, method, status_code…): API-call analytics rollups
 *   npm run bench:ingest:pg [-- --events 100000 --rounds 3 --concurrency 8 --pool-size 10]
 * Uses TALLY_BENCH_POSTGRES_URL, else TALLY_TEST_POSTGRES_URL, else the local
 * postgres://postgres@127.0.0.1:5432/test, in throwaway schemas.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseTimestamp } from '../packages/core/src/index.ts';
import { connectPostgres } from '../packages/server/src/store/postgres/connect.ts';
import { INSERT_EVENTS, insertParams } from '../packages/server/src/store/postgres/insert-events.ts';
import { migratePostgres } from '../packages/server/src/store/postgres/migrate.ts';
import { ensurePartitions } from '../packages/server/src/store/postgres/partitions.ts';
import { createTestSchema, type TestSchema } from '../packages/server/src/testing/postgres-schema.ts';
import { startServerProcess, type ServerProcess } from '../packages/server/src/testing/start-server-process.ts';
import { bodiesOf, makeEvents } from './lib/events.ts';
import { median, postAll } from './lib/http-load.ts';

const { values } = parseArgs({ options: { events: { type: 'string' }, rounds: { type: 'string' }, concurrency: { type: 'string' }, 'pool-size': { type: 'string' } } });
const EVENTS = Number(values.events ?? 100_000);
const ROUNDS = Number(values.rounds ?? 3);
const CONCURRENCY = Number(values.concurrency ?? 8);
const POOL = Number(values['pool-size'] ?? 10);
const BASE = process.env.TALLY_BENCH_POSTGRES_URL || process.env.TALLY_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';

type Variant = 'plain' | 'meters' | 'api-calls';
const VARIANTS: Variant[] = ['plain', 'meters', 'api-calls'];

/** bench/lib's events; without the API-call fields unless the variant wants them. */
function events(prefix: string, variant: Variant) {
  return makeEvents(prefix, EVENTS).map((e) => {
    if (variant === 'api-calls') return e;
    const { endpoint: _e, method: _m, status_code: _s, ...rest } = e.metadata;
    return { ...e, metadata: rest };
  });
}

/** The adapter's own insert statement straight through the driver: no HTTP, no validation, no rollups. */
async function rawCeiling(round: number): Promise<number> {
  const schema = await createTestSchema(BASE, { durable: true });
  const pool = connectPostgres(schema.url, { max: CONCURRENCY });
  try {
    await migratePostgres(pool);
    await ensurePartitions(pool, Date.now());
    const rows = events(`raw${round}`, 'plain').map((e) => ({
      eventId: e.event_id, customerId: e.customer_id, eventName: e.event_name, timestamp: parseTimestamp(e.timestamp)!, metadata: e.metadata,
    }));
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < rows.length) {
        const batch = rows.slice(next, (next += 1000));
        await pool.query(INSERT_EVENTS, insertParams('test_mode', batch, Date.now()));
      }
    }));
    return (EVENTS / (performance.now() - t0)) * 1000;
  } finally {
    await pool.end();
    await schema.drop();
  }
}

/** One usage read: it folds whatever ingest left pending, so the meters variant pays for its rollups in full. */
async function usageRead(s: ServerProcess, meterId: string): Promise<void> {
  const minute = 60_000;
  const end = Math.ceil(Date.now() / minute) * minute + minute;
  const res = await fetch(`${s.url}/meters/${meterId}/usage?start=${new Date(end - 86_400_000).toISOString()}&end=${new Date(end).toISOString()}&window_size=none`, {
    headers: { authorization: `Bearer ${s.apiKey}` },
  });
  if (res.status !== 200) throw new Error(`usage: ${res.status}`);
  await res.arrayBuffer();
}

let meterId = '';
async function addMeters(s: ServerProcess): Promise<void> {
  for (const aggregation of [{ type: 'count' }, { type: 'sum', key: 'tokens' }]) {
    for (const event_name of ['api_call', 'llm_tokens']) {
      const res = await fetch(`${s.url}/meters`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `${aggregation.type} ${event_name}`, event_name, measurement_unit: 'u', aggregation }),
      });
      if (res.status !== 201) throw new Error(`meter: ${res.status}`);
      meterId ||= ((await res.json()) as { id: string }).id;
    }
  }
}

const schemas: TestSchema[] = [];
const servers = new Map<Variant, ServerProcess>();
const http = new Map<Variant, number[]>(VARIANTS.map((v) => [v, []]));
const ceiling: number[] = [];
try {
  for (const v of VARIANTS) {
    const schema = await createTestSchema(BASE, { durable: true });
    schemas.push(schema);
    const s = await startServerProcess({ dbPath: schema.url, env: { TALLY_POOL_SIZE: String(POOL) }, built: true });
    servers.set(v, s);
    if (v === 'meters') await addMeters(s);
    // Warm-up: JIT, prepared statements, page cache; not measured.
    await postAll(`${s.url}/events/ingest`, s.apiKey, bodiesOf(events(`warm`, v).slice(0, 20_000), 1000), CONCURRENCY);
  }
  for (let r = 0; r < ROUNDS; r++) {
    const line: string[] = [];
    for (const v of VARIANTS) {
      const s = servers.get(v)!;
      const bodies = bodiesOf(events(`r${r}`, v), 1000);
      const t0 = performance.now();
      await postAll(`${s.url}/events/ingest`, s.apiKey, bodies, CONCURRENCY);
      if (v === 'meters') await usageRead(s, meterId);
      http.get(v)!.push((EVENTS / (performance.now() - t0)) * 1000);
      line.push(`${v} ${Math.round(http.get(v)!.at(-1)!)}`);
    }
    ceiling.push(await rawCeiling(r));
    console.error(`round ${r + 1}: http ${line.join(', ')} ev/s; raw ${Math.round(ceiling.at(-1)!)} ev/s`);
  }
} finally {
  for (const s of servers.values()) await s.stop();
  for (const s of schemas) await s.drop();
}
const c = median(ceiling);
const figures = Object.fromEntries(VARIANTS.map((v) => [`http_${v.replace('-', '_')}_events_per_s_median`, Math.round(median(http.get(v)!))]));
console.log(JSON.stringify({
  machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model}, node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
  events_per_round: EVENTS, rounds: ROUNDS, concurrency: CONCURRENCY, pool_size: POOL,
  ...figures,
  raw_postgres_events_per_s_median: Math.round(c),
  plain_fraction_of_ceiling: Number((median(http.get('plain')!) / c).toFixed(3)),
}, null, 2));
