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
  // 2: meters, rollups kept at ingest, plans and subscriptions.
  `
  CREATE TABLE meters (
    mkey INTEGER PRIMARY KEY,
    mode INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    event_name TEXT NOT NULL,
    agg_type TEXT NOT NULL,
    agg_key TEXT,
    measurement_unit TEXT NOT NULL,
    description TEXT,
    filter TEXT,
    group_keys TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    backfill_hwm INTEGER NOT NULL,
    backfill_cursor INTEGER NOT NULL,
    backfill_total INTEGER NOT NULL,
    backfill_processed INTEGER NOT NULL
  );
  CREATE INDEX meters_list ON meters (mode, archived, created_at);
  CREATE TABLE meter_versions (mode INTEGER PRIMARY KEY, version INTEGER NOT NULL);

  CREATE TABLE rollup_customers (
    ckey INTEGER PRIMARY KEY,
    mode INTEGER NOT NULL,
    customer_id TEXT NOT NULL,
    UNIQUE (mode, customer_id)
  );
  CREATE TABLE rollup_groups (
    gkey INTEGER PRIMARY KEY,
    mkey INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (mkey, name, value)
  );
  CREATE TABLE rollups (
    mkey INTEGER NOT NULL,
    gran INTEGER NOT NULL,
    ckey INTEGER NOT NULL,
    gkey INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    n INTEGER NOT NULL,
    sum TEXT,
    mn TEXT,
    mx TEXT,
    last_ts INTEGER,
    last_id TEXT,
    last_v TEXT,
    PRIMARY KEY (mkey, gran, ckey, gkey, bucket)
  ) WITHOUT ROWID;
  CREATE TABLE rollup_uniques (
    mkey INTEGER NOT NULL,
    gran INTEGER NOT NULL,
    ckey INTEGER NOT NULL,
    gkey INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (mkey, gran, ckey, gkey, bucket, value)
  ) WITHOUT ROWID;

  CREATE TABLE plans (
    mode INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    currency TEXT NOT NULL,
    interval_unit TEXT NOT NULL,
    interval_count INTEGER NOT NULL,
    components TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (mode, id)
  ) WITHOUT ROWID;
  CREATE INDEX plans_created ON plans (mode, created_at);
  CREATE TABLE subscriptions (
    mode INTEGER NOT NULL,
    id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    billing_anchor INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (mode, id)
  ) WITHOUT ROWID;
  CREATE INDEX subscriptions_customer ON subscriptions (mode, customer_id, created_at);
  `,
  `
  -- API-call analytics (issue 6): one row per event name, bucket (minute, hour,
  -- day), endpoint, method, status and customer as sent; hist is a JSON sparse
  -- latency histogram (core histogram bins), merged by the hist_merge function.
  CREATE TABLE api_call_rollups (
    mode INTEGER NOT NULL,
    event_name TEXT NOT NULL,
    gran INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    endpoint TEXT NOT NULL,
    method TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    customer_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    timed INTEGER NOT NULL,
    rt_sum REAL NOT NULL,
    req_bytes INTEGER NOT NULL,
    res_bytes INTEGER NOT NULL,
    hist TEXT NOT NULL,
    PRIMARY KEY (mode, event_name, gran, bucket, endpoint, method, status_code, customer_id)
  ) WITHOUT ROWID;

  -- Usage limits (quotas) per meter, for one customer or for a plan's subscribers.
  CREATE TABLE usage_limits (
    mode INTEGER NOT NULL,
    id TEXT NOT NULL,
    meter_id TEXT NOT NULL,
    target TEXT NOT NULL,
    customer_id TEXT,
    plan_id TEXT,
    limit_value TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (mode, id)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX usage_limits_target ON usage_limits (mode, meter_id, target);
  CREATE INDEX usage_limits_customer ON usage_limits (mode, customer_id);
  CREATE INDEX usage_limits_plan ON usage_limits (mode, plan_id);
  `,
  `
  -- Rollups are folded from the event log after commit: every event with a
  -- seq above this cursor is still to be folded (the events already stored
  -- when this migration ran were rolled up at ingest).
  CREATE TABLE rollup_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
  INSERT INTO rollup_cursor (id, seq) SELECT 1, coalesce(max(seq), 0) FROM events;
  `,
  `
  -- Events by customer, filled by the fold after commit instead of an index
  -- on events: customers arrive in random order, so such an index dirtied a
  -- page per event in every commit; the fold inserts a second's worth of
  -- entries grouped by customer. Customers are named by their rollup key
  -- (smaller rows, cheaper comparisons). Events not yet folded (seq above
  -- the cursor) are read from the log.
  CREATE TABLE event_customers (
    ckey INTEGER NOT NULL,
    ts INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (ckey, ts, seq)
  ) WITHOUT ROWID;
  INSERT INTO rollup_customers (mode, customer_id)
    SELECT DISTINCT mode, customer_id FROM events WHERE true ON CONFLICT DO NOTHING;
  INSERT INTO event_customers (ckey, ts, seq)
    SELECT k.ckey, e.ts, e.seq FROM events e JOIN rollup_customers k ON k.mode = e.mode AND k.customer_id = e.customer_id
     WHERE e.seq <= (SELECT seq FROM rollup_cursor WHERE id = 1);
  DROP INDEX events_customer_ts;
  `,
];
