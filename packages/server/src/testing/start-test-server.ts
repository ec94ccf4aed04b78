import { DEFAULTS, type Config } from '../config/config.js';
import { startServer, type RunningServer } from '../server.js';
import { createTestSchema } from './postgres-schema.js';
import { tempDbPath } from './temp-db.js';

export interface TestServer {
  url: string;
  /** A read-write test_mode key. */
  apiKey: string;
  /** A read-write live_mode key. */
  liveApiKey: string;
  /** A read-only test_mode key. */
  readOnlyApiKey: string;
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * Starts a real server in this process on a free loopback port, over a fresh
 * SQLite database (or the database URL given), with keys ready to use.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  // TALLY_TEST_BACKEND=postgres runs every HTTP suite on a fresh PostgreSQL schema instead.
  const pg = !overrides.databaseUrl && process.env.TALLY_TEST_BACKEND === 'postgres' ? await createTestSchema() : undefined;
  const db = overrides.databaseUrl || pg ? undefined : tempDbPath();
  const server = await startServer(
    { ...DEFAULTS, host: '127.0.0.1', port: 0, logLevel: 'silent', ...overrides, databaseUrl: overrides.databaseUrl ?? pg?.url ?? db!.path },
    { logger: false },
  );
  const keys = server.ctx.keys;
  const [test, live, ro] = await Promise.all([
    keys.create({ mode: 'test_mode', name: 'test' }),
    keys.create({ mode: 'live_mode', name: 'live' }),
    keys.create({ mode: 'test_mode', name: 'read-only', readOnly: true }),
  ]);
  return {
    url: server.url,
    apiKey: test.secret,
    liveApiKey: live.secret,
    readOnlyApiKey: ro.secret,
    server,
    async close() {
      await server.close();
      db?.remove();
      await pg?.drop();
    },
  };
}
