import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../testing/api-client.js';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

// A meter created after its events: backfilled through HTTP, nothing counted twice.

let srv: TestServer;
let api: ApiClient;
let cus: string;
const base = Date.now() - 2 * 86_400_000;
const dayStart = new Date(Math.floor(base / 86_400_000) * 86_400_000).toISOString();
const end = new Date(Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000).toISOString();

beforeAll(async () => {
  srv = await startTestServer();
  api = apiClient(srv.url, srv.apiKey);
  cus = (await api.post('/customers', { name: 'B', email: 'b@example.com' })).body.customer_id;
});
afterAll(() => srv.close());

/** n events named `name`, ids prefix-0…, each with metadata n = i + 1 (so their sum is n(n+1)/2). */
function batch(name: string, prefix: string, from: number, n: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return { event_id: `${prefix}-${i}`, customer_id: cus, event_name: name, timestamp: new Date(base + i * 1000).toISOString(), metadata: { n: i + 1 } };
  });
}

async function ingest(events: unknown[]) {
  const r = await api.post('/events/ingest', { events });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function createMeter(name: string, type: 'count' | 'sum') {
  const r = await api.post('/meters', { name, event_name: name, measurement_unit: 'u', aggregation: type === 'count' ? { type } : { type, key: 'n' } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; backfill: { status: string; processed_events: number; total_events: number } };
}

/** Polls GET /meters/{id} until the backfill is complete; returns every backfill state seen. */
async function backfilled(id: string) {
  const seen: Array<{ status: string; processed_events: number; total_events: number }> = [];
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await api.get(`/meters/${id}`);
    expect(r.status).toBe(200);
    seen.push(r.body.backfill);
    if (r.body.backfill.status === 'complete') return seen;
    if (Date.now() > deadline) throw new Error(`backfill not complete: ${JSON.stringify(r.body.backfill)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function total(id: string) {
  const r = await api.get(`/meters/${id}/usage?start=${dayStart}&end=${end}&window_size=none`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items.map((i: { customer_id: string; value: string }) => [i.customer_id, i.value]);
}

const sumTo = (n: number) => String((n * (n + 1)) / 2);

describe('backfill through HTTP', () => {
  it('counts events stored before the meter existed, with progress on GET /meters/{id}', async () => {
    const N = 6_000; // more than one backfill chunk (5000 events)
    for (let i = 0; i < N; i += 1000) await ingest(batch('pre', 'pre', i, 1000));
    await ingest(batch('other', 'other', 0, 10)); // another name: not counted
    const [count, sum] = [await createMeter('pre', 'count'), await createMeter('pre', 'sum')];
    expect(['running', 'complete']).toContain(count.backfill.status);
    for (const m of [count, sum]) {
      const seen = await backfilled(m.id);
      const last = seen[seen.length - 1]!;
      expect(last.processed_events).toBe(last.total_events);
      expect(last.total_events).toBeGreaterThanOrEqual(N);
      for (let i = 1; i < seen.length; i++) expect(seen[i]!.processed_events).toBeGreaterThanOrEqual(seen[i - 1]!.processed_events);
    }
    expect(await total(count.id)).toEqual([[cus, String(N)]]);
    expect(await total(sum.id)).toEqual([[cus, sumTo(N)]]);
  });

  it('counts events ingested before, during and after creation exactly once (retries included)', async () => {
    const before = 5_500;
    for (let i = 0; i < before; i += 1000) await ingest(batch('mid', 'mid', i, 1000));
    // Ingest while the meter is created and backfilled.
    const creating = createMeter('mid', 'sum');
    const during = (async () => {
      for (let i = before; i < before + 3000; i += 500) await ingest(batch('mid', 'mid', i, 500));
    })();
    const [meter] = await Promise.all([creating, during]);
    // Retries of every event so far, mixed with new ones, while the backfill may still run.
    await ingest([...batch('mid', 'mid', 0, 500), ...batch('mid', 'mid', before + 3000, 500)]);
    await backfilled(meter.id);
    await ingest([...batch('mid', 'mid', before, 500), ...batch('mid', 'mid', before + 3500, 500)]);
    const n = before + 4000;
    expect(await total(meter.id)).toEqual([[cus, sumTo(n)]]);
  });

  it('an archived then unarchived meter is backfilled again, counting what arrived while archived, once', async () => {
    await ingest(batch('arch', 'arch', 0, 100));
    const m = await createMeter('arch', 'sum');
    await backfilled(m.id);
    expect(await total(m.id)).toEqual([[cus, sumTo(100)]]);
    expect((await api.del(`/meters/${m.id}`)).status).toBe(204);
    await ingest(batch('arch', 'arch', 100, 100));
    expect((await api.post(`/meters/${m.id}/unarchive`)).status).toBe(200);
    await backfilled(m.id);
    expect(await total(m.id)).toEqual([[cus, sumTo(200)]]);
  });
});
