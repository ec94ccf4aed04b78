import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestSchema, describePostgres, type TestSchema } from '../../testing/postgres-schema.js';
import type { Store } from '../store.js';
import { connectPostgres } from './connect.js';
import type { PgPool } from './driver.js';
import { ensurePartitions, monthAt } from './partitions.js';
import { openPostgresStore } from './postgres-store.js';

describePostgres('postgres event partitions', () => {
  let schema: TestSchema;
  let store: Store;
  let pool: PgPool;
  beforeAll(async () => {
    schema = await createTestSchema();
    store = await openPostgresStore({ url: schema.url, poolSize: 2 });
    pool = connectPostgres(schema.url, { max: 4 });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await schema.drop();
  });

  const whereIs = async (eventId: string) =>
    (await pool.query<{ part: string }>('SELECT tableoid::regclass::text AS part FROM events WHERE event_id = $1', [eventId]))[0]?.part;

  it('names UTC calendar months, across year ends', () => {
    expect(monthAt(Date.UTC(2026, 11, 31, 23, 59), 1)).toEqual({
      name: 'events_p2027_01', from: Date.UTC(2027, 0, 1), to: Date.UTC(2027, 1, 1),
    });
    expect(monthAt(Date.UTC(2026, 0, 15), -1).name).toBe('events_p2025_12');
  });

  it('creates monthly partitions around now at start, and routes events to them', async () => {
    const now = Date.now();
    const names = (await pool.query<{ n: string }>(
      "SELECT c.relname AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass",
    )).map((r) => r.n);
    for (let i = -2; i <= 2; i++) expect(names).toContain(monthAt(now, i).name);
    await store.events.insert('test_mode', [{ eventId: 'now', customerId: 'c', eventName: 'n', timestamp: now, metadata: null }], now);
    expect(await whereIs('now')).toBe(monthAt(now).name);
  });

  it('moves rows out of the default partition when their month gets a partition', async () => {
    const later = Date.UTC(2031, 4, 10);
    const e = { eventId: 'future', customerId: 'c', eventName: 'n', timestamp: later, metadata: { k: 1 } };
    await store.events.insert('test_mode', [e], 1);
    expect(await whereIs('future')).toBe('events_default');
    // Two replicas doing maintenance at once: one creates, the other finds it done.
    const made = await Promise.all([ensurePartitions(pool, later, 0, 0), ensurePartitions(pool, later, 0, 0)]);
    expect(made.flat()).toEqual(['events_p2031_05']);
    expect(await whereIs('future')).toBe('events_p2031_05');
    expect(await store.events.get('test_mode', 'future')).toEqual({ ...e, ingestedAt: 1 });
    expect((await store.events.insert('test_mode', [e], 2)).inserted).toEqual([]);
  });
});
