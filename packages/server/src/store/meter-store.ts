import type { ValidEvent } from '@tally/core';
import type {
  CellColumns, CellRow, Meter, MeterDeltas, MeterQuery, NewMeter, RollupQuery, RollupSeries, SeriesQuery, UniqueColumns, UniqueRow,
} from './meter-types.js';
import type { Mode } from './types.js';

export interface MeterStore {
  /**
   * Stores a meter and, in the same transaction, records the high-water mark
   * of stored events: those up to it are the backfill's, later ones ingest's.
   * Bumps the mode's meter-set version.
   */
  create(meter: NewMeter): Promise<Meter>;
  get(mode: Mode, id: string): Promise<Meter | undefined>;
  /** Newest first. */
  list(mode: Mode, query: MeterQuery): Promise<Meter[]>;
  /**
   * Archiving stops counting. Unarchiving drops the meter's rollups and starts
   * a new backfill over every stored event, so the meter misses nothing it
   * skipped while archived. Both bump the meter-set version.
   */
  setArchived(mode: Mode, id: string, archived: boolean, at: number): Promise<Meter | undefined>;
  /** The unarchived meters of a mode, with the meter-set version they make up. */
  active(mode: Mode): Promise<{ version: number; meters: Meter[] }>;
  /** Meters whose backfill is not finished (any mode), to resume at start-up. */
  unfinishedBackfills(): Promise<Array<{ mode: Mode; id: string }>>;
}

export interface RollupStore {
  /**
   * Counts the next chunk of a meter's backfill (events up to its high-water
   * mark, at most `maxEvents` scanned) in one transaction that also advances
   * the cursor, so a crash resumes where it stopped. Returns whether the
   * backfill is complete; a paused (archived) meter reports done.
   */
  backfillChunk(mode: Mode, meterId: string, deltas: (events: readonly ValidEvent[]) => MeterDeltas[], maxEvents: number): Promise<{ done: boolean }>;
  cells(query: RollupQuery): Promise<CellRow[]>;
  /** Distinct-value rows of a unique_count meter. */
  uniques(query: RollupQuery): Promise<UniqueRow[]>;
  /**
   * The same cells as `cells`, packed per customer and group: what usage
   * queries read, so that thousands of customers cost thousands of rows, not
   * one row and object per bucket.
   */
  cellSeries(query: SeriesQuery): Promise<Array<RollupSeries<CellColumns>>>;
  /** The same rows as `uniques`, packed per customer and group. */
  uniqueSeries(query: SeriesQuery): Promise<Array<RollupSeries<UniqueColumns>>>;
}
