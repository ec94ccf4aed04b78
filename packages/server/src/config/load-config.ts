import { DEFAULTS, type Config } from './config.js';
import { parseBytes, parseDuration } from './duration.js';

/** Flags as the CLI parsed them; each falls back to TALLY_* and then to the default. */
export interface ConfigFlags {
  host?: string;
  port?: string;
  db?: string;
  'pool-size'?: string;
  'body-limit'?: string;
  'max-event-age'?: string;
  'max-event-future'?: string;
  'log-level'?: string;
}

export class ConfigError extends Error {}

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const pick = (flag: keyof ConfigFlags, name: string) => flags[flag] ?? env[name];
  const parse = <T>(flag: keyof ConfigFlags, name: string, fallback: T, fn: (s: string) => T | undefined, hint: string): T => {
    const raw = pick(flag, name);
    if (raw === undefined || raw === '') return fallback;
    const value = fn(raw);
    if (value === undefined) problems.push(`--${flag} / ${name}: "${raw}" is not ${hint}`);
    return value ?? fallback;
  };
  const int = (min: number, max: number) => (s: string) => {
    const n = Number(s);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };

  const config: Config = {
    host: parse('host', 'TALLY_HOST', DEFAULTS.host, (s) => s, 'a host'),
    port: parse('port', 'TALLY_PORT', DEFAULTS.port, int(0, 65535), 'a port number (0-65535)'),
    databaseUrl: parse('db', 'TALLY_DATABASE_URL', DEFAULTS.databaseUrl, (s) => s, 'a path or URL'),
    poolSize: parse('pool-size', 'TALLY_POOL_SIZE', DEFAULTS.poolSize, int(1, 1000), 'a pool size (1-1000)'),
    bodyLimit: parse('body-limit', 'TALLY_BODY_LIMIT', DEFAULTS.bodyLimit, parseBytes, 'a size like 8mb'),
    window: {
      maxAgeMs: parse('max-event-age', 'TALLY_MAX_EVENT_AGE', DEFAULTS.window.maxAgeMs, parseDuration, 'a duration like 35d'),
      maxFutureMs: parse('max-event-future', 'TALLY_MAX_EVENT_FUTURE', DEFAULTS.window.maxFutureMs, parseDuration, 'a duration like 5m'),
    },
    logLevel: parse('log-level', 'TALLY_LOG_LEVEL', DEFAULTS.logLevel, (s) => (LEVELS.has(s) ? (s as Config['logLevel']) : undefined), `one of ${[...LEVELS].join(', ')}`),
    businessId: env.TALLY_BUSINESS_ID || DEFAULTS.businessId,
    shutdownTimeoutMs: DEFAULTS.shutdownTimeoutMs,
  };
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
