import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { isPostgresUrl } from '../store/open-store.js';
import { closeOnSignals, startServer } from '../server.js';

const SERVE_FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  db: { type: 'string' },
  'pool-size': { type: 'string' },
  'body-limit': { type: 'string' },
  'max-event-age': { type: 'string' },
  'max-event-future': { type: 'string' },
  'log-level': { type: 'string' },
} as const;

export async function serveCommand(args: string[]): Promise<void> {
  const config = loadConfig(parseArgs({ args, options: SERVE_FLAGS, allowPositionals: true, strict: true }).values);
  const server = await startServer(config);
  closeOnSignals(server, config.shutdownTimeoutMs);
  const where = isPostgresUrl(config.databaseUrl) ? 'PostgreSQL' : `SQLite at ${config.databaseUrl}`;
  const db = config.databaseUrl === './data/tally.db' ? '' : ` --db ${config.databaseUrl}`;
  process.stderr.write(
    `\nTally is listening on ${server.url} (${where})\n` +
      `Dashboard:       ${server.url}/dashboard/\n` +
      `Get an API key:  npx tally keys create --mode test_mode${db}\n` +
      `Then:            curl -H "Authorization: Bearer <key>" ${server.url}/events\n\n`,
  );
}
