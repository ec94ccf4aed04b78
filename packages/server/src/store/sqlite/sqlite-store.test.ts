import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../../testing/temp-db.js';
import { describeStoreContract } from '../contract/store-contract.js';
import { describeAnalyticsContract } from '../contract/analytics-contract.js';
import { describeMeterContract } from '../contract/meter-contract.js';
import { openSqliteStore } from './sqlite-store.js';
import { ROLLUP_RULES } from '../../services/rollup-rules.js';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './migrations.js';

const dirs: Array<() => void> = [];
// Both ways of writing: in this thread, and on a writer thread as the server runs it.
for (const writerThread of [false, true]) {
  const name = writerThread ? 'sqlite (writer thread)' : 'sqlite';
  const harness = {
    async open() {
      const db = tempDbPath();
      dirs.push(db.remove);
      const store = openSqliteStore({ path: db.path, writerThread });
      store.useRollupRules?.(ROLLUP_RULES);
      return store;
    },
    async teardown() {
      for (const remove of dirs.splice(0)) remove();
    },
  };
  describeStoreContract(name, harness);
  describeAnalyticsContract(name, harness);
  describeMeterContract(name, harness);
}

describe('sqlite specifics', () => {
  it('refuses a database whose schema is newer than this code knows', async () => {
    const db = tempDbPath();
    (await openSqliteStore({ path: db.path })).close();
    const raw = new Database(db.path);
    raw.prepare('UPDATE schema_version SET version = version + 1').run();
    raw.close();
    expect(() => openSqliteStore({ path: db.path })).toThrow(/newer than this Tally knows/);
    db.remove();
  });

  it('keeps data across reopen, creating the folder when missing', async () => {
    const db = tempDbPath('nested/dir/tally.db');
    const a = openSqliteStore({ path: db.path });
    await a.events.insert('test_mode', [{ eventId: 'x', customerId: 'c', eventName: 'n', timestamp: 1, metadata: null }], 1);
    await a.close();
    const b = openSqliteStore({ path: db.path });
    expect(await b.events.get('test_mode', 'x')).toBeDefined();
    await b.close();
    db.remove();
  });

  it('moves events of a database from before event_customers into it, each listed once', async () => {
    const db = tempDbPath();
    const raw = new Database(db.path);
    const before = SQLITE_MIGRATIONS.length - 1;
    raw.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    for (const m of SQLITE_MIGRATIONS.slice(0, before)) raw.exec(m);
    raw.prepare('INSERT INTO schema_version VALUES (?)').run(before);
    const insert = raw.prepare("INSERT INTO events (mode, event_id, customer_id, event_name, ts, metadata, ingested_at) VALUES (0, ?, 'c', 'n', ?, NULL, 0)");
    for (let i = 1; i <= 4; i++) insert.run(`e${i}`, i);
    // The first two were folded before the upgrade; the last two were not.
    raw.prepare('UPDATE rollup_cursor SET seq = 2').run();
    raw.close();
    const s = openSqliteStore({ path: db.path });
    const ids = async () => (await s.events.list('test_mode', { customerId: 'c', limit: 10, offset: 0 })).map((e) => e.eventId);
    expect(await ids()).toEqual(['e4', 'e3', 'e2', 'e1']);
    s.useRollupRules?.(ROLLUP_RULES);
    await s.analytics.apiCalls({ mode: 'test_mode', eventName: 'n', gran: 'day', start: 0, end: 1 });
    expect(await ids()).toEqual(['e4', 'e3', 'e2', 'e1']);
    await s.close();
    db.remove();
  });

  it('reports a closed database as unavailable, not as a crash', async () => {
    const db = tempDbPath();
    const s = openSqliteStore({ path: db.path });
    await s.close();
    await expect(s.ping()).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    db.remove();
  });
});

