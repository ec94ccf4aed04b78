/**
 * Ingest throughput over loopback HTTP (1000-event batches) with 5 active
 * meters versus none, in the same run: two server processes on SQLite, one
 * with meters (count, sum, max, unique_count, last on the same event name,
 * so every event feeds all five), rounds alternating between them.
 *   npm run bench:ingest:meters [-- --events 100000 --rounds 4 --concurrency 8 --spread]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startServerProcess } from '../packages/server/src/testing/start-server-process.ts';
import { median, postAll, waitFolded } from './lib/http-load.ts';

const { values } = parseArgs({ options: { events: { type: 'string' }, rounds: { type: 'string' }, concurrency: { type: 'string' }, spread: { type: 'boolean' } } });
// --spread: each meter on its own event name, events spread over the five names
// (each event feeds one meter) instead of all five meters on every event.
const NAMES = values.spread ? ['llm_tokens', 'api_call', 'storage_bytes', 'stream_bytes', 'compute_ms'] : ['llm_tokens'];
const EVENTS = Number(values.events ?? 100_000);
const ROUNDS = Number(values.rounds ?? 4);
const CONCURRENCY = Number(values.concurrency ?? 8);

// Customers drawn at random from 1,000 (about 630 distinct per batch), timestamps within the last minute.
function bodies(prefix: string): string[] {
  const now = Date.now();
  const out: string[] = [];
  for (let b = 0; b < EVENTS / 1000; b++) {
    const events = Array.from({ length: 1000 }, (_, i) => ({
      event_id: `${prefix}_${b}_${i}`,
      customer_id: `cust_${Math.floor(Math.random() * 1000)}`,
      event_name: NAMES[i % NAMES.length],
      timestamp: new Date(now - Math.floor(Math.random() * 60_000)).toISOString(),
      metadata: { tokens: Math.floor(Math.random() * 4000), model: `model-${Math.floor(Math.random() * 20)}`, latency_ms: Math.random() * 100 },
    }));
    out.push(JSON.stringify({ events }));
  }
  return out;
}

const METERS = [
  { type: 'count' }, { type: 'sum', key: 'tokens' }, { type: 'max', key: 'latency_ms' }, { type: 'unique_count', key: 'model' }, { type: 'last', key: 'tokens' },
];

let meterId = '';
async function usageNow(server: { url: string; apiKey: string }): Promise<void> {
  const end = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
  const q = `start=${new Date(end - 86_400_000).toISOString()}&end=${new Date(end).toISOString()}&window_size=none`;
  const res = await fetch(`${server.url}/meters/${meterId}/usage?${q}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
  if (res.status !== 200) throw new Error(`usage: ${res.status} ${await res.text()}`);
}

const plain = await startServerProcess({ built: true });
const metered = await startServerProcess({ built: true });
try {
  for (const [i, aggregation] of METERS.entries()) {
    const res = await fetch(`${metered.url}/meters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${metered.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `m${i}`, event_name: NAMES[i % NAMES.length], measurement_unit: 'u', aggregation }),
    });
    if (res.status !== 201) throw new Error(`meter create: ${res.status} ${await res.text()}`);
    if (i === 0) meterId = ((await res.json()) as { id: string }).id;
  }
  const rates: Record<'none' | 'five', number[]> = { none: [], five: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, server] of [['none', plain], ['five', metered]] as const) {
      const t0 = performance.now();
      await postAll(`${server.url}/events/ingest`, server.apiKey, bodies(`${name}${r}`), CONCURRENCY);
      // Rollups are folded after commit: the clock stops only once every event
      // is folded (a usage read for the metered server), so both figures
      // include all the work done after the last 200.
      if (name === 'five') await usageNow(server);
      else await waitFolded(server.url, server.apiKey);
      const ms = performance.now() - t0;
      rates[name].push((EVENTS / ms) * 1000);
      console.log(`round ${r} ${name === 'none' ? 'no meters' : '5 meters '}: ${Math.round((EVENTS / ms) * 1000)} events/s`);
    }
  }
  const none = median(rates.none);
  const five = median(rates.five);
  console.log(`\nmedian: no meters ${Math.round(none)} events/s, 5 meters ${Math.round(five)} events/s, ratio ${(five / none * 100).toFixed(1)}%`);
  console.log(`${EVENTS} events x ${ROUNDS} rounds, 1000-event batches, concurrency ${CONCURRENCY}, ${os.cpus().length} cores, node ${process.version}`);
} finally {
  await plain.stop();
  await metered.stop();
}
