import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../config/config.js';
import { createContext } from '../services/create-context.js';
import { ROLLUP_RULES } from '../services/rollup-rules.js';
import { queryUsage } from '../services/usage-service.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { MODES } from '../store/types.js';
import { createTestSchema, TEST_POSTGRES_URL, type TestSchema } from '../testing/postgres-schema.js';
import { tempDbPath } from '../testing/temp-db.js';
import { scanCustomers, scanEvents } from '../transfer/scan.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { migrateCommand } from './migrate.js';

const DAY = 86_400_000;
const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
const now = Date.now();
const dir = tempDbPath();
const source = join(dir.dir, 'source.db');
const file = join(dir.dir, 'export.ndjson');
let pg: TestSchema | undefined;

/** Everything a store holds, ingestion times aside (an import is a new ingestion), and the usage it answers. */
async function contents(store: Store) {
  store.useRollupRules?.(ROLLUP_RULES);
  const out: Record<string, unknown[]> = {};
  for (const archived of [false, true]) {
    const meters = await store.meters.list('test_mode', { archived, limit: 10, offset: 0 });
    out[`meters archived=${archived}`] = meters.map(({ backfill: _, updatedAt: __, ...m }) => m);
    for (const m of meters) {
      out[`usage ${m.name}`] = await queryUsage(store, 'test_mode', m, { start: minute(now - 600 * DAY), end: minute(now + DAY), windowSize: 'month', timeZone: 'UTC', groupBy: m.groupKeys[0] });
    }
  }
  out.plans = await store.plans.listPlans('test_mode', { limit: 10, offset: 0 });
  out.subscriptions = await store.plans.subscriptionsOf('test_mode', 'cus_1');
  out.limits = await store.limits.list('test_mode', {});
  for (const mode of MODES) {
    out[`${mode} customers`] = [];
    for await (const c of scanCustomers(store, mode)) out[`${mode} customers`]!.push(c);
    out[`${mode} events`] = [];
    for await (const { ingestedAt: _, ...e } of scanEvents(store, mode)) out[`${mode} events`]!.push(e);
  }
  return out;
}

async function quietly(fn: () => Promise<void>): Promise<string> {
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await fn();
    return [...err.mock.calls, ...log.mock.calls].map((c) => c.join(' ')).join('\n');
  } finally {
    err.mockRestore();
    log.mockRestore();
  }
}

beforeAll(async () => {
  const s = await openStore({ url: source });
  await s.customers.create({ id: 'cus_1', mode: 'test_mode', externalId: 'u1', name: 'Ada', email: 'ada@example.com', phoneNumber: '+39 06 1', metadata: { plan: 'pro' }, createdAt: now - 500 * DAY });
  await s.customers.create({ id: 'cus_2', mode: 'live_mode', externalId: null, name: 'Grace', email: 'g@example.com', phoneNumber: null, metadata: {}, createdAt: now - DAY });
  const events = Array.from({ length: 2500 }, (_, i) => ({
    eventId: `x${i}`,
    customerId: i % 3 ? 'u1' : 'someone',
    eventName: i % 2 ? 'api_call' : 'tokens',
    // History a year back, and runs of events sharing one millisecond.
    timestamp: now - (i % 10 === 0 ? 400 * DAY : DAY) + Math.floor(i / 4),
    metadata: i % 5 ? { i, ok: i % 2 === 0, s: `é${i}` } : null,
  }));
  for (let i = 0; i < events.length; i += 1000) await s.events.insert('test_mode', events.slice(i, i + 1000), now);
  await s.events.insert('live_mode', [{ eventId: 'l1', customerId: 'cus_2', eventName: 'api_call', timestamp: now - 1000, metadata: null }], now);
  const ctx = await createContext({ ...DEFAULTS, databaseUrl: source }, s);
  const sum = await ctx.meters.create('test_mode', { name: 'Tokens', event_name: 'tokens', measurement_unit: 't', aggregation: { type: 'sum', key: 'i' }, group_by_keys: ['ok'] });
  const old = await ctx.meters.create('test_mode', { name: 'Calls', event_name: 'api_call', measurement_unit: 'c', aggregation: { type: 'count' } });
  await ctx.meters.setArchived('test_mode', old.id, true);
  await ctx.meters.backfills.idle();
  const plan = await ctx.plans.createPlan('test_mode', { name: 'Pro', currency: 'EUR', billing_interval: { unit: 'month', count: 1 }, components: [{ meter_id: sum.id, price_per_unit: '0.0025', free_threshold: '100' }] });
  await ctx.plans.subscribe('test_mode', 'cus_1', plan.id, minute(now - 40 * DAY));
  await s.limits.upsert({ id: 'lim_1', mode: 'test_mode', meterId: sum.id, customerId: 'cus_1', planId: null, limit: '1000000', createdAt: now, updatedAt: now });
  await s.close();
  if (TEST_POSTGRES_URL) pg = await createTestSchema();
});
afterAll(async () => {
  await pg?.drop();
  dir.remove();
});

describe('tally export / import', () => {
  it('exports everything as NDJSON with a type on every line', async () => {
    expect(await quietly(() => exportCommand(['--db', source, '--out', file]))).toContain('exported 2 customers, 2 meters, 1 plan, 1 subscription, 1 usage_limit, 2501 events');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'tally_export', version: 1 });
    expect(lines.filter((l) => l.type === 'customer')).toHaveLength(2);
    expect(lines.filter((l) => l.type === 'event')).toHaveLength(2501);
  });

  const targets: Array<[string, () => string]> = [['SQLite', () => join(dir.dir, 'target.db')]];
  if (TEST_POSTGRES_URL) targets.push(['PostgreSQL', () => pg!.url]);
  else console.warn('skipping "import into PostgreSQL": TALLY_TEST_POSTGRES_URL is not set');

  it.each(targets)('imports into %s: the same data, and a re-import adds nothing', async (_, target) => {
    const url = target();
    const refused = await quietly(() => importCommand(['--db', url, '--in', file]));
    expect(refused).toMatch(/250 events lie outside the accepted time window; re-run with --allow-backdated/);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;

    const out = await quietly(() => importCommand(['--db', url, '--in', file, '--allow-backdated']));
    expect(out).toContain('250 events stored, 2,251 duplicates skipped, 0 rejected');
    expect(process.exitCode).toBeUndefined();
    const again = await quietly(() => importCommand(['--db', url, '--in', file, '--allow-backdated']));
    expect(again).toContain('0 customers created (2 already there), 0 meters, plans, subscriptions and limits created (5 already there), 0 events stored, 2,501 duplicates skipped');

    const [from, to] = [await openStore({ url: source }), await openStore({ url })];
    try {
      const want = await contents(from);
      expect(want['usage Tokens']!.length, 'the source has usage to compare').toBeGreaterThan(0);
      expect(await contents(to)).toEqual(want);
    } finally {
      await from.close();
      await to.close();
    }
  });

  it.runIf(TEST_POSTGRES_URL)('migrate reports the schema version it brought PostgreSQL to', async () => {
    const fresh = await createTestSchema();
    try {
      expect(await quietly(() => migrateCommand(['--db', fresh.url]))).toMatch(/migrated from version 0 to \d+/);
      expect(await quietly(() => migrateCommand(['--db', fresh.url]))).toMatch(/up to date \(version \d+\)/);
    } finally {
      await fresh.drop();
    }
  });
});
