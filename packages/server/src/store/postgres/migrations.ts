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
  // 2: meters, rollups kept at ingest, plans and subscriptions.
  `
  CREATE TABLE meters (
    mkey bigserial PRIMARY KEY,
    mode smallint NOT NULL,
    id text NOT NULL UNIQUE,
    name text NOT NULL,
    event_name text NOT NULL,
    agg_type text NOT NULL,
    agg_key text,
    measurement_unit text NOT NULL,
    description text,
    filter json,
    group_keys json NOT NULL,
    archived boolean NOT NULL DEFAULT false,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    -- Events with seq <= backfill_hwm are the backfill's; later ones are counted at ingest.
    backfill_hwm bigint NOT NULL,
    backfill_cursor bigint NOT NULL,
    backfill_total bigint NOT NULL,
    backfill_processed bigint NOT NULL
  );
  CREATE INDEX meters_list ON meters (mode, archived, created_at);

  -- The meter-set version of each mode. Every ingest reads its row FOR SHARE;
  -- a meter change updates it, so it waits for in-flight ingests and they,
  -- after it, see the new version (and retry with a fresh plan).
  CREATE TABLE meter_versions (mode smallint PRIMARY KEY, version integer NOT NULL);
  INSERT INTO meter_versions VALUES (0, 0), (1, 0);

  -- Backfills walk one event name's events in sequence order, in chunks.
  CREATE INDEX events_name_seq ON events (mode, event_name, seq);

  -- Rollup cells per meter, granularity, customer_id (as sent), group and
  -- bucket. The plain row has grp_key = grp_value = '' (a group value is JSON,
  -- never empty). Decimals are NUMERIC: sums are exact, added by PostgreSQL in
  -- the upsert itself, so concurrent replicas never lose an update.
  CREATE TABLE rollups (
    mkey bigint NOT NULL,
    gran smallint NOT NULL,
    customer_id text NOT NULL,
    grp_key text NOT NULL,
    grp_value text NOT NULL,
    bucket bigint NOT NULL,
    n bigint NOT NULL,
    sum numeric,
    mn numeric,
    mx numeric,
    last_ts bigint,
    -- Ties on last_ts go to the greater event_id by code point, as core decides.
    last_id text COLLATE "C",
    last_v text,
    PRIMARY KEY (mkey, gran, customer_id, grp_key, grp_value, bucket)
  );
  CREATE TABLE rollup_uniques (
    mkey bigint NOT NULL,
    gran smallint NOT NULL,
    customer_id text NOT NULL,
    grp_key text NOT NULL,
    grp_value text NOT NULL,
    bucket bigint NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (mkey, gran, customer_id, grp_key, grp_value, bucket, value)
  );

  CREATE TABLE plans (
    mode smallint NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    currency text NOT NULL,
    interval_unit text NOT NULL,
    interval_count integer NOT NULL,
    components json NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (mode, id)
  );
  CREATE INDEX plans_created ON plans (mode, created_at);
  CREATE TABLE subscriptions (
    mode smallint NOT NULL,
    id text NOT NULL,
    customer_id text NOT NULL,
    plan_id text NOT NULL,
    billing_anchor bigint NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (mode, id)
  );
  CREATE INDEX subscriptions_customer ON subscriptions (mode, customer_id, created_at);
  `,
  `
  -- API-call analytics (issue 6): one row per event name, bucket (minute, hour,
  -- day), endpoint, method, status and customer as sent. hist is a sparse
  -- latency histogram (core's log bins) {"bin": count}; upserts merge it with
  -- tally_hist_merge on the locked row, reads with the tally_hist_sum aggregate.
  CREATE FUNCTION tally_hist_merge(a jsonb, b jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
      SELECT k, sum(v) AS n FROM (
        SELECT key AS k, value::text::bigint AS v FROM jsonb_each(coalesce(a, '{}'::jsonb))
        UNION ALL
        SELECT key, value::text::bigint FROM jsonb_each(coalesce(b, '{}'::jsonb))
      ) s GROUP BY k
    ) t
  $$;
  CREATE AGGREGATE tally_hist_sum(jsonb) (SFUNC = tally_hist_merge, STYPE = jsonb, INITCOND = '{}');

  CREATE TABLE api_call_rollups (
    mode smallint NOT NULL,
    event_name text NOT NULL,
    gran smallint NOT NULL,
    bucket bigint NOT NULL,
    endpoint text NOT NULL,
    method text NOT NULL,
    status_code smallint NOT NULL,
    customer_id text NOT NULL,
    n bigint NOT NULL,
    timed bigint NOT NULL,
    rt_sum double precision NOT NULL,
    req_bytes bigint NOT NULL,
    res_bytes bigint NOT NULL,
    hist jsonb NOT NULL,
    PRIMARY KEY (mode, event_name, gran, bucket, endpoint, method, status_code, customer_id)
  );

  -- Usage limits (quotas) per meter, for one customer or for a plan's subscribers.
  CREATE TABLE usage_limits (
    mode smallint NOT NULL,
    id text NOT NULL,
    meter_id text NOT NULL,
    target text NOT NULL,
    customer_id text,
    plan_id text,
    limit_value text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    PRIMARY KEY (mode, id),
    UNIQUE (mode, meter_id, target)
  );
  CREATE INDEX usage_limits_customer ON usage_limits (mode, customer_id);
  CREATE INDEX usage_limits_plan ON usage_limits (mode, plan_id);
  `,
  // 4: rollup deltas are appended by ingest and folded into the rollups later
  // (rollup-fold.ts): no key, no index, nothing for concurrent ingests to wait on.
  `
  CREATE TABLE rollup_pending (
    mkey bigint NOT NULL,
    gran smallint NOT NULL,
    customer_id text NOT NULL,
    grp_key text NOT NULL,
    grp_value text NOT NULL,
    bucket bigint NOT NULL,
    n bigint NOT NULL,
    sum numeric,
    mn numeric,
    mx numeric,
    last_ts bigint,
    last_id text COLLATE "C",
    last_v text
  );
  CREATE TABLE rollup_uniques_pending (
    mkey bigint NOT NULL,
    gran smallint NOT NULL,
    customer_id text NOT NULL,
    grp_key text NOT NULL,
    grp_value text NOT NULL,
    bucket bigint NOT NULL,
    value text NOT NULL
  );
  `,
];
