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

  it('stores every event exactly once under concurrent overlapping batches', async () => {
    let ingested = 0;
    let duplicates = 0;
    const senders = replicas.flatMap((r, ri) => Array.from({ length: SENDERS_PER_REPLICA }, async (_, si) => {
      for (const events of batchesFor(ri * SENDERS_PER_REPLICA + si)) {
        const res = await fetch(`${r.url}/events/ingest`, {
          method: 'POST',
          headers: { authorization: `Bearer ${r.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { ingested_count: number; duplicate_count: number };
        ingested += body.ingested_count;
        duplicates += body.duplicate_count;
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
  });
});
