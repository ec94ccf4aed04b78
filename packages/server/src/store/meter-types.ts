import type { AggregationType, Filter, RollupCell, ValidEvent } from '@tally/core';
import type { Mode } from './types.js';
import type { ApiCallDelta } from './analytics-types.js';

export type BackfillStatus = 'running' | 'complete' | 'paused';

export interface Meter {
  id: string;
  mode: Mode;
  name: string;
  eventName: string;
  aggregation: { type: AggregationType; key: string | null };
  measurementUnit: string;
  description: string | null;
  filter: Filter | null;
  /** Metadata keys usage may be grouped by (rollups are kept per value of each). */
  groupKeys: string[];
  archived: boolean;
  createdAt: number;
  updatedAt: number;
  /** Events stored before the meter existed are counted by a backfill. */
  backfill: { status: BackfillStatus; processedEvents: number; totalEvents: number };
}

export type NewMeter = Omit<Meter, 'archived' | 'backfill' | 'updatedAt'>;

export interface MeterQuery {
  archived: boolean;
  limit: number;
  offset: number;
}

/** Rollup bucket sizes kept at ingest, all aligned in UTC. */
export type Granularity = 'minute' | 'hour' | 'day';
export const GRANULARITY_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Where a delta lands: one bucket of one customer (as sent), optionally one group. */
export interface BucketKey {
  gran: Granularity;
  bucket: number;
  customerId: string;
  /** The group_by key this row is split by, with the value as JSON ("null" when absent); null for the plain row. */
  group: { key: string; value: string } | null;
}

export interface CellDelta extends BucketKey {
  cell: RollupCell;
}

export interface UniqueDelta extends BucketKey {
  /** core uniqueKeys of the distinct values seen in this bucket. */
  values: ReadonlySet<string>;
}

/** What a set of new events adds to one meter's rollups. */
export interface MeterDeltas {
  meterId: string;
  type: AggregationType;
  cells: CellDelta[];
  uniques: UniqueDelta[];
}

/**
 * Handed to events.insert by the service: the store calls `deltas` with the
 * events that were new, inside the insert transaction, and applies them there.
 * `version` is the meter-set version the plan was built from; the store
 * refuses (StalePlanError) a plan made before a meter was created, archived
 * or unarchived, so no event falls between ingest and backfill.
 */
export interface RollupPlan {
  version: number;
  deltas(events: readonly ValidEvent[]): MeterDeltas[];
  /** API-call analytics rollups of the new events, applied in the same transaction. */
  apiCalls?(events: readonly ValidEvent[]): ApiCallDelta[];
}

/** Reads rollups of one meter in [start, end) at one granularity. */
export interface RollupQuery {
  mode: Mode;
  meterId: string;
  gran: Granularity;
  start: number;
  end: number;
  /** Customers, each by its Tally ID or its external_id; all customers when omitted. */
  customerIds?: readonly string[];
  /** Rows split by this group key instead of the plain rows. */
  groupKey?: string;
}

/** Reads one meter's rollups over several ranges, each at its own granularity, in one call. */
export interface SeriesQuery extends Omit<RollupQuery, 'gran' | 'start' | 'end'> {
  ranges: ReadonlyArray<{ gran: Granularity; start: number; end: number }>;
}

/**
 * Rollup cells column by column: bucket[i] with count[i], sum[i]… Only the
 * columns the meter's aggregation keeps are present. Parallel arrays instead
 * of a row object per bucket: a usage query may read tens of thousands.
 */
export type CellColumns = { bucket: number[] } & { [K in keyof RollupCell]?: Array<RollupCell[K]> };

/** A unique_count meter's distinct values: value[i] was seen in bucket[i]. */
export interface UniqueColumns {
  bucket: number[];
  value: string[];
}

/**
 * The rows of one customer (and group) in one range, packed. A customer may
 * come in several series (its customer_id and external_id rows, several
 * ranges); buckets are in no promised order and may repeat.
 */
export interface RollupSeries<C> {
  /** The Tally customer ID the rows resolve to. */
  customerId: string;
  /** JSON of the group value, null for plain rows. */
  group: string | null;
  columns: C;
}

export interface RollupRow {
  /** The Tally customer ID the row's customer_id (or external_id) resolves to. */
  customerId: string;
  bucket: number;
  /** JSON of the group value, null for plain rows. */
  group: string | null;
}

export interface CellRow extends RollupRow {
  cell: RollupCell;
}

export interface UniqueRow extends RollupRow {
  value: string;
}
