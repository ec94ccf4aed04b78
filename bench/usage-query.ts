/**
 * Usage query latency for one meter over many stored events: 1,000 customers,
 * events spread over 30 days, 30 daily windows in UTC. Events go in directly
 * through the store (rollups folded from the log, as after ingest)
 * into bench/.data/, reused by later runs of the same size. The all-customer
 * query is then timed again over HTTP, against a server process on that file.
 *   npm run bench:usage [-- --events 10000000 --runs 50]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { ValidEvent } from '@tally/core';
import { ROLLUP_RULES } from '../packages/server/src/services/rollup-rules.ts';
import { queryUsage } from '../packages/server/src/services/usage-service.ts';
import { openSqliteStore } from '../packages/server/src/store/sqlite/sqlite-store.ts';
import { startServerProcess } from '../packages/server/src/testing/start-server-process.ts';

const { values } = parseArgs({ options: { events: { type: 'string' }, runs: { type: 'string' } } });
const EVENTS = Number(values.events ?? 10_000_000);
const RUNS = Number(values.runs ?? 50);
const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z');
const path = `bench/.data/usage-${EVENTS}.db`;
mkdirSync('bench/.data', { recursive: true });
const fresh = !existsSync(path);
const store = openSqliteStore({ path });
store.useRollupRules?.(ROLLUP_RULES);

if (fresh) {
  for (let c = 0; c < 1000; c++) {
    await store.customers.create({ id: `cus_${c}`, mode: 'test_mode', externalId: null, name: `c${c}`, email: `c${c}@x.io`, phoneNumber: null, metadata: {}, createdAt: 0 });
  }
  await store.meters.create({
    id: 'mtr_tokens', mode: 'test_mode', name: 'tokens', eventName: 'llm', aggregation: { type: 'sum', key: 'tokens' },
    measurementUnit: 'tokens', description: null, filter: null, groupKeys: [], createdAt: 0,
  });
  const t0 = performance.now();
  const BATCH = 10_000;
  for (let i = 0; i < EVENTS; i += BATCH) {
    // Timestamps rise through the 30 days as live traffic's do (random ones
    // scatter every index insert, and 10M took too long to generate);
    // customers and values are random.
    const batch: ValidEvent[] = Array.from({ length: Math.min(BATCH, EVENTS - i) }, (_, j) => ({
      eventId: `e${i + j}`,
      customerId: `cus_${Math.floor(Math.random() * 1000)}`,
      eventName: 'llm',
      timestamp: START + Math.floor(((i + j + Math.random()) * 30 * DAY) / EVENTS),
      metadata: { tokens: Math.floor(Math.random() * 4000) },
    }));
    await store.events.insert('test_mode', batch, Date.now());
    if ((i / BATCH) % 50 === 0) console.log(`generated ${i + batch.length} events, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  // A read folds whatever the background fold has not yet.
  await store.rollups.cells({ mode: 'test_mode', meterId: 'mtr_tokens', gran: 'day', start: START, end: START + DAY });
  console.log(`generated ${EVENTS} events in ${Math.round((performance.now() - t0) / 1000)} s`);
}

const meter = (await store.meters.get('test_mode', 'mtr_tokens'))!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
async function measure(label: string, customerIds?: string[], timeZone = 'UTC') {
  const times: number[] = [];
  let items = 0;
  for (let r = 0; r < RUNS + 5; r++) {
    const t0 = performance.now();
    const out = await queryUsage(store, 'test_mode', meter, { start: START, end: START + 30 * DAY, windowSize: 'day', timeZone, customerIds });
    if (r >= 5) times.push(performance.now() - t0);
    items = out.length;
  }
  console.log(`${label}: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (${items} items, ${RUNS} runs)`);
}
await measure('all 1000 customers x 30 daily windows');
await measure('one customer x 30 daily windows', ['cus_7']);
await measure('10 customers x 30 daily windows', Array.from({ length: 10 }, (_, i) => `cus_${i * 97}`));
// Days in a zone off UTC are read from hour buckets (day buckets are UTC days): 24 times the rows.
await measure('all 1000 customers x 30 daily windows in America/New_York', undefined, 'America/New_York');
await store.close();

// What an API client sees: the same query through a real server process
// (the build, as `npm start` runs it), timed to the answer's last byte
// (node:http, so the client's own JSON decoding is not counted).
const server = await startServerProcess({ built: true, dbPath: path });
try {
  const q = `start=${new Date(START).toISOString()}&end=${new Date(START + 30 * DAY).toISOString()}&window_size=day`;
  const agent = new Agent({ keepAlive: true });
  const get = () => new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    httpGet(`${server.url}/meters/mtr_tokens/usage?${q}`, { agent, headers: { authorization: `Bearer ${server.apiKey}` } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode!, bytes }));
    }).on('error', reject);
  });
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < RUNS + 5; r++) {
    const t0 = performance.now();
    const res = await get();
    if (res.status !== 200) throw new Error(`usage: ${res.status}`);
    if (r >= 5) times.push(performance.now() - t0);
    bytes = res.bytes;
  }
  agent.destroy();
  console.log(`over HTTP, all 1000 customers x 30 daily windows: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (${(bytes / 1e6).toFixed(1)} MB of JSON, ${RUNS} runs)`);
} finally {
  await server.kill('SIGTERM');
}
console.log(`${EVENTS} events, ${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
