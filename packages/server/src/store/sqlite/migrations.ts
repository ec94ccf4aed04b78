/**
 * Versioned schema. Append only: a released migration is never edited.
 * Each entry moves the schema from version i to i + 1.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    mode INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    event_name TEXT NOT NULL,
    ts INTEGER NOT NULL,
    metadata TEXT,
    ingested_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX events_event_id ON events (mode, event_id);
  CREATE INDEX events_ts ON events (mode, ts);
  CREATE INDEX events_customer_ts ON events (mode, customer_id, ts);
  -- No (mode, event_name, ts) index: names are few, so a newest-first scan of
  -- events_ts finds a page of any common name quickly, and every insert is
  -- cheaper by one B-tree.

  CREATE TABLE customers (
    mode INTEGER NOT NULL,
    id TEXT NOT NULL,
    external_id TEXT,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone_number TEXT,
    metadata TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (mode, id)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX customers_external_id ON customers (mode, external_id) WHERE external_id IS NOT NULL;
  CREATE INDEX customers_email ON customers (mode, email COLLATE NOCASE);
  CREATE INDEX customers_created ON customers (mode, created_at);

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    mode INTEGER NOT NULL,
    name TEXT NOT NULL,
    read_only INTEGER NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  `,
];
