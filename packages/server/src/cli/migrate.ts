import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { isPostgresUrl, openStore } from '../store/open-store.js';
import { connectPostgres } from '../store/postgres/connect.js';
import { migratePostgres } from '../store/postgres/migrate.js';
import { ensurePartitions } from '../store/postgres/partitions.js';

/**
 * tally migrate [--db URL]: brings the schema up to date and exits. Servers
 * also migrate at start; running this once before rolling out replicas
 * keeps the schema change out of their start-up.
 */
export async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } }, strict: true });
  const config = loadConfig({ db: values.db });
  if (!isPostgresUrl(config.databaseUrl)) {
    await (await openStore({ url: config.databaseUrl })).close();
    console.log(`SQLite schema at ${config.databaseUrl} is up to date`);
    return;
  }
  const pool = connectPostgres(config.databaseUrl, { max: 1 });
  try {
    const { from, to } = await migratePostgres(pool);
    const made = await ensurePartitions(pool, Date.now());
    console.log(from === to ? `PostgreSQL schema is up to date (version ${to})` : `PostgreSQL schema migrated from version ${from} to ${to}`);
    if (made.length > 0) console.log(`created partitions ${made.join(', ')}`);
  } finally {
    await pool.end();
  }
}
