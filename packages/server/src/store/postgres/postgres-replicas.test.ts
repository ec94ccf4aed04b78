import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import { startServerProcess, type ServerProcess } from '../../testing/start-server-process.js';
import { connectPostgres } from './connect.js';

const UNIQUE = 3000;
const SENDERS_PER_REPLICA = 3;
const BATCH = 250;
const t0 = Date.now() - 3_600_000;

// Sender k sends a window of 1200 IDs starting at k*300 (mod UNIQUE), shuffled:
// every ID is sent by several senders on different replicas at the same time.
function batchesFor(k: number): object[][] {
  const ids = Array.from({ length: 1200 }, (_, i) => (k * 300 + i) % UNIQUE);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const out: object[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    out.push(ids.slice(i, i + BATCH).map((n) => ({
      event_id: `r${n}`, customer_id: `c${n % 7}`, event_name: 'api_call',
      timestamp: new Date(t0 + n).toISOString(), metadata: { n },
    })));
  }
  return out;
}

describePostgres('replicas on one PostgreSQL', () => {
  let schema: TestSchema;
  let replicas: ServerProcess[] = [];
  beforeAll(async () => {
    schema = await createTestSchema();
    // Started together, as after a deploy: migrations must run once.
    replicas = await Promise.all([0, 1, 2].map(() => startServerProcess({ dbPath: schema.url, env: { TALLY_POOL_SIZE: '4' } })));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await schema?.drop();
  });

  const api = async (r: ServerProcess, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${r.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${r.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('stores every event exactly once under concurrent overlapping batches, with exact usage totals', async () => {
    const [a, b, c] = replicas as [ServerProcess, ServerProcess, ServerProcess];
    for (let i = 0; i < 7; i++) expect((await api(a, 'POST', '/customers', { name: `c${i}`, email: `c${i}@x.io`, external_id: `c${i}` })).status).toBe(200);
    const sum = await api(b, 'POST', '/meters', { name: 'n', event_name: 'api_call', measurement_unit: 'u', aggregation: { type: 'sum', key: 'n' } });
    expect(sum.status).toBe(201);
    let ingested = 0;
    let duplicates = 0;
    let count: { id: string } | undefined;
    const senders = replicas.flatMap((r, ri) => Array.from({ length: SENDERS_PER_REPLICA }, async (_, si) => {
      for (const [i, events] of batchesFor(ri * SENDERS_PER_REPLICA + si).entries()) {
        // Mid-ingest, on another replica: this meter's events split between backfill and ingest.
        if (ri === 2 && si === 0 && i === 2) count = (await api(c, 'POST', '/meters', { name: 'c', event_name: 'api_call', measurement_unit: 'u', aggregation: { type: 'count' } })).body;
        const res = await api(r, 'POST', '/events/ingest', { events });
        expect(res.status).toBe(200);
        ingested += res.body.ingested_count;
        duplicates += res.body.duplicate_count;
      }
    }));
    await Promise.all(senders);
    const sent = 3 * SENDERS_PER_REPLICA * 1200;
    expect(ingested).toBe(UNIQUE);
    expect(duplicates).toBe(sent - UNIQUE);

    const db = connectPostgres(schema.url, { max: 1 });
    try {
      const [row] = await db.query<{ n: number; distinct_ids: number; ids: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_ids, (SELECT count(*)::int FROM event_ids) AS ids FROM events',
      );
      expect(row).toEqual({ n: UNIQUE, distinct_ids: UNIQUE, ids: UNIQUE });
    } finally {
      await db.end();
    }

    // Usage through a third replica: every event counted once, by ingest or by backfill.
    for (let i = 0; (await api(a, 'GET', `/meters/${count!.id}`)).body.backfill.status !== 'complete'; i++) {
      expect(i).toBeLessThan(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    const split = (await api(a, 'GET', `/meters/${count!.id}`)).body.backfill;
    expect(split.total_events, 'some events before the meter, some after').toBeGreaterThan(0);
    expect(split.total_events).toBeLessThan(UNIQUE);
    const minute = 60_000;
    const range = `start=${new Date(Math.floor(t0 / minute) * minute).toISOString()}&end=${new Date(Math.ceil((t0 + UNIQUE) / minute) * minute + minute).toISOString()}&window_size=none`;
    const total = async (meterId: string) =>
      (await api(a, 'GET', `/meters/${meterId}/usage?${range}`)).body.items.reduce((s: bigint, x: { value: string }) => s + BigInt(x.value), 0n);
    expect(await total(sum.body.id)).toBe(BigInt((UNIQUE * (UNIQUE - 1)) / 2));
    expect(await total(count!.id)).toBe(BigInt(UNIQUE));
  });
});
