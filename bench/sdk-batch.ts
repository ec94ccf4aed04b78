/**
 * HTTP requests and wall time to deliver 10,000 events through createBatch:
 * @tally/sdk against @dodopayments/ingestion-blueprints, same run, same local
 * Tally server (a child process on SQLite). The official package talks to
 * https://test.dodopayments.com through the `dodopayments` client; a
 * globalThis.fetch wrapper rewrites those URLs to the local server and counts
 * its ingest requests. @tally/sdk posts over node:http, not fetch: its own
 * batch stats count its requests.
 *   npm run bench:sdk [-- --events 10000 --rounds 5]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createBatch as dodoCreateBatch, Ingestion as DodoIngestion } from '@dodopayments/ingestion-blueprints';
import { createBatch, Ingestion } from '../packages/sdk/src/index.ts';
import { startServerProcess } from '../packages/server/src/testing/start-server-process.ts';
import { median } from './lib/http-load.ts';

const { values } = parseArgs({ options: { events: { type: 'string' }, rounds: { type: 'string' } } });
const EVENTS = Number(values.events ?? 10_000);
const ROUNDS = Number(values.rounds ?? 5);

const server = await startServerProcess();
const counted = { requests: 0, failed: 0 };
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const original = input instanceof Request ? input.url : String(input);
  const url = original.replace(/^https:\/\/(test|live)\.dodopayments\.com/, server.url);
  if (!url.includes('/events/ingest')) return realFetch(input, init);
  counted.requests++;
  try {
    const res = await realFetch(input instanceof Request ? new Request(url, input) : url, init);
    if (!res.ok) counted.failed++;
    return res;
  } catch (err) {
    counted.failed++;
    throw err;
  }
}) as typeof fetch;

/** Events the server holds for one customer, read back with GET /events. */
async function storedCount(customerId: string): Promise<number> {
  let total = 0;
  for (let page = 0; ; page++) {
    const res = await realFetch(`${server.url}/events?customer_id=${customerId}&page_size=100&page_number=${page}`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    });
    const n = ((await res.json()) as { items: unknown[] }).items.length;
    total += n;
    if (n < 100) return total;
  }
}

const metadata = (i: number) => ({ endpoint: `/v1/items/${i % 50}`, method: 'GET', status_code: 200, response_time_ms: 10 + (i % 90) });

async function runTally(customerId: string, maxSize = 100): Promise<void> {
  const batch = createBatch(new Ingestion({ apiKey: server.apiKey, baseURL: server.url, eventName: 'api_call' }), { maxSize });
  for (let i = 0; i < EVENTS; i++) batch.add({ customerId, metadata: metadata(i) });
  await batch.cleanup({ timeoutMs: 120_000 });
  const stats = batch.stats();
  counted.requests += stats.requests;
  // Each retry follows a failed attempt; events refused for good show as fewer stored.
  counted.failed += stats.retried;
}

async function runDodo(customerId: string): Promise<void> {
  const ingestion = new DodoIngestion({ apiKey: server.apiKey, environment: 'test_mode', eventName: 'api_call' });
  // Its createBatch starts flushes from add() and cleanup() does not wait for
  // them: record every send so the clock stops when the last one settled.
  const sends: Promise<unknown>[] = [];
  const track = ingestion.track.bind(ingestion);
  ingestion.track = (event) => {
    const sent = track(event);
    sends.push(sent);
    return sent;
  };
  const batch = dodoCreateBatch(ingestion);
  const errors = console.error;
  console.error = () => {}; // its failed flushes are logged and dropped; they are counted here instead
  try {
    for (let i = 0; i < EVENTS; i++) batch.add({ customerId, metadata: metadata(i) });
    await batch.cleanup();
    await Promise.allSettled(sends);
  } finally {
    console.error = errors;
  }
}

interface Result { ms: number; requests: number; stored: number; failed: number }
async function measure(run: (c: string) => Promise<void>, customerId: string): Promise<Result> {
  Object.assign(counted, { requests: 0, failed: 0 });
  const started = performance.now();
  await run(customerId);
  const ms = performance.now() - started;
  return { ms, requests: counted.requests, stored: await storedCount(customerId), failed: counted.failed };
}

// Both createBatch calls use their defaults (maxSize 100, flushInterval 5 s);
// 'tally1000' shows @tally/sdk with the largest request the server takes.
const runs = { tally: (c: string) => runTally(c), tally1000: (c: string) => runTally(c, 1000), dodo: runDodo };
type Which = keyof typeof runs;
const results: Record<Which, Result[]> = { tally: [], tally1000: [], dodo: [] };
try {
  await measure(runTally, 'warm_tally');
  if (!process.env.SKIP_DODO_WARMUP) await measure(runDodo, 'warm_dodo');
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate the order so neither always runs on a warmer server.
    const order: Which[] = r % 2 ? ['dodo', 'tally1000', 'tally'] : ['tally', 'tally1000', 'dodo'];
    for (const which of order) {
      const res = await measure(runs[which], `${which}_r${r}`);
      results[which].push(res);
      console.error(`round ${r + 1} ${which}: ${res.requests} requests, ${Math.round(res.ms)} ms, ${res.stored} stored, ${res.failed} failed`);
    }
  }
} finally {
  globalThis.fetch = realFetch;
  await server.stop();
}

const summary = (rs: Result[]) => ({
  requests: median(rs.map((r) => r.requests)),
  ms: Math.round(median(rs.map((r) => r.ms))),
  stored: median(rs.map((r) => r.stored)),
  failedRequests: median(rs.map((r) => r.failed)),
});
const tally = summary(results.tally);
const dodo = summary(results.dodo);
console.log(JSON.stringify({
  events: EVENTS, rounds: ROUNDS, node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model,
  tally, tally1000: summary(results.tally1000), dodo,
  ratio: { requests: +(dodo.requests / tally.requests).toFixed(1), wallTime: +(dodo.ms / tally.ms).toFixed(1) },
}, null, 2));
