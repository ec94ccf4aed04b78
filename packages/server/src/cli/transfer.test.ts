import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
const now = Date.now();
const dir = tempDbPath();
const source = join(dir.dir, 'source.db');
const file = join(dir.dir, 'export.ndjson');
let pg: TestSchema | undefined;

/** Everything a store holds, ingestion times aside (an import is a new ingestion). */
async function contents(store: Store) {
  const out: Record<string, unknown[]> = {};
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
  await s.close();
  if (TEST_POSTGRES_URL) pg = await createTestSchema();
});
afterAll(async () => {
  await pg?.drop();
  dir.remove();
});

describe('tally export / import', () => {
  it('exports everything as NDJSON with a type on every line', async () => {
    expect(await quietly(() => exportCommand(['--db', source, '--out', file]))).toContain('exported 2 customers and 2501 events');
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
    expect(again).toContain('0 customers created (2 already there), 0 events stored, 2,501 duplicates skipped');

    const [from, to] = [await openStore({ url: source }), await openStore({ url })];
    try {
      expect(await contents(to)).toEqual(await contents(from));
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
