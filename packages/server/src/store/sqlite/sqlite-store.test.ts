import { describe, expect, it } from 'vitest';
import { tempDbPath } from '../../testing/temp-db.js';
import { describeStoreContract } from '../contract/store-contract.js';
import { describeAnalyticsContract } from '../contract/analytics-contract.js';
import { describeMeterContract } from '../contract/meter-contract.js';
import { openSqliteStore } from './sqlite-store.js';
import { ROLLUP_RULES } from '../../services/rollup-rules.js';
import Database from 'better-sqlite3';

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

  it('reports a closed database as unavailable, not as a crash', async () => {
    const db = tempDbPath();
    const s = openSqliteStore({ path: db.path });
    await s.close();
    await expect(s.ping()).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    db.remove();
  });
});

