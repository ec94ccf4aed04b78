import { ConfigError } from '../config/load-config.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { keysCommand } from './keys.js';
import { migrateCommand } from './migrate.js';
import { serveCommand } from './serve.js';

const USAGE = `usage: tally <command> [options]

commands:
  serve                 run the server (--host, --port, --db, --log-level, --body-limit,
                        --max-event-age, --max-event-future, --pool-size)
  keys create           create an API key: --mode test_mode|live_mode [--name N] [--read-only]
  keys list             list API keys
  keys revoke ID        revoke an API key
  migrate               bring the database schema up to date (servers also do it at start)
  export                write customers and events as NDJSON: [--out FILE|-]
  import                read an export into this database: [--in FILE|-] [--allow-backdated]

every command takes --db PATH_OR_URL (default ./data/tally.db, or TALLY_DATABASE_URL)`;

export type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  keys: keysCommand,
  migrate: migrateCommand,
  export: exportCommand,
  import: importCommand,
};

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command || rest.includes('--help')) {
    console.log(USAGE);
    process.exitCode = command || name === '--help' || name === 'help' ? 0 : 2;
    return;
  }
  try {
    await command(rest);
  } catch (err) {
    if (err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`tally ${name}: ${(err as Error).message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}
