import type { Store } from './store.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface OpenStoreOptions {
  /** A SQLite file path (or sqlite:path, or :memory:) or a postgres:// URL. */
  url: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** SQLite: insert and fold on a writer thread (what a server wants; a CLI does not). */
  writerThread?: boolean;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the store a database URL names, migrating its schema. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (isPostgresUrl(opts.url)) {
    return openPostgresStore({ url: opts.url, poolSize: opts.poolSize });
  }
  return openSqliteStore({ path: opts.url.replace(/^sqlite:(\/\/)?/, ''), writerThread: opts.writerThread });
}
