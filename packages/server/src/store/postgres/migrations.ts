/**
 * Versioned schema. Append only: a released migration is never edited.
 * Each entry moves the schema from version i to i + 1; all pending entries
 * run in one transaction (PostgreSQL DDL is transactional).
 *
 * Times are BIGINT epoch milliseconds, as in the SQLite store and the port.
 *
 * Idempotency on a partitioned table: a unique index on `events` would have
 * to include the partition key (ts), so it could not stop the same event_id
 * arriving twice with different timestamps. Instead `event_ids` — small,
 * unpartitioned, one row per event — holds the key (mode, event_id). The
 * insert writes it with ON CONFLICT DO NOTHING RETURNING in the same
 * statement as the events rows, so only the event_ids that won reach
 * `events`; a concurrent insert of the same key waits on the index entry and
 * then skips it. Its `ts` column also lets get-by-id prune to one partition.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE SEQUENCE events_seq;
  CREATE TABLE events (
    mode smallint NOT NULL,
    seq bigint NOT NULL DEFAULT nextval('events_seq'),
    event_id text NOT NULL,
    customer_id text NOT NULL,
    event_name text NOT NULL,
    ts bigint NOT NULL,
    metadata jsonb,
    ingested_at bigint NOT NULL
  ) PARTITION BY RANGE (ts);
  -- Monthly partitions are created ahead (partitions.ts); whatever falls
  -- outside them (old backfills, far future) lands here, so no insert fails.
  CREATE TABLE events_default PARTITION OF events DEFAULT;
  -- One index per list filter, each ending in (ts, seq): the list order.
  CREATE INDEX events_ts ON events (mode, ts, seq);
  CREATE INDEX events_customer_ts ON events (mode, customer_id, ts, seq);
  CREATE INDEX events_name_ts ON events (mode, event_name, ts, seq);

  CREATE TABLE event_ids (
    mode smallint NOT NULL,
    event_id text NOT NULL,
    ts bigint NOT NULL,
    PRIMARY KEY (mode, event_id)
  );

  CREATE TABLE customers (
    mode smallint NOT NULL,
    id text NOT NULL,
    external_id text,
    name text NOT NULL,
    email text NOT NULL,
    phone_number text,
    metadata jsonb NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (mode, id)
  );
  CREATE UNIQUE INDEX customers_external_id ON customers (mode, external_id) WHERE external_id IS NOT NULL;
  CREATE INDEX customers_email ON customers (mode, lower(email));
  CREATE INDEX customers_created ON customers (mode, created_at, id);

  CREATE TABLE api_keys (
    id text PRIMARY KEY,
    mode smallint NOT NULL,
    name text NOT NULL,
    read_only boolean NOT NULL,
    prefix text NOT NULL,
    hash text NOT NULL UNIQUE,
    created_at bigint NOT NULL,
    revoked_at bigint
  );
  `,
];
