import { addDecimalText, compareDecimalText } from '../money/decimal-text.js';
import type { Contribution } from './contribution.js';
import { isLaterEvent } from './event-order.js';

/**
 * The mergeable summary of the events of one meter, customer and time bucket,
 * shaped to be a database row: decimals are strings, so no float ever touches
 * them. Cells merge associatively and commutatively, so a window's value is
 * the merge of its buckets' cells in any order.
 */
export interface RollupCell {
  /** Events that counted. */
  count: number;
  /** Exact sum of their values; "0" for count meters. */
  sum: string;
  min: string | null;
  max: string | null;
  /** Timestamp (epoch ms), event_id and value of the latest event, for `last`. */
  last_ts: number | null;
  last_event_id: string | null;
  last_value: string | null;
}

export function emptyCell(): RollupCell {
  return { count: 0, sum: '0', min: null, max: null, last_ts: null, last_event_id: null, last_value: null };
}

function pick(a: string | null, b: string | null, want: 1 | -1): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareDecimalText(b, a) === want ? b : a;
}

/** The cell with one more event. An event that does not count leaves it unchanged. */
export function addToCell(cell: RollupCell, contribution: Contribution, ts: number, eventId: string): RollupCell {
  if (!contribution.counts) return cell;
  const value = contribution.value;
  if (value === null) return { ...cell, count: cell.count + 1 };
  const later = cell.last_ts === null || isLaterEvent(ts, eventId, cell.last_ts, cell.last_event_id!);
  return {
    count: cell.count + 1,
    sum: addDecimalText(cell.sum, value),
    min: pick(cell.min, value, -1),
    max: pick(cell.max, value, 1),
    last_ts: later ? ts : cell.last_ts,
    last_event_id: later ? eventId : cell.last_event_id,
    last_value: later ? value : cell.last_value,
  };
}

/** The cell of the union of two disjoint sets of events. */
export function mergeCells(a: RollupCell, b: RollupCell): RollupCell {
  const bLater = b.last_ts !== null && (a.last_ts === null || isLaterEvent(b.last_ts, b.last_event_id!, a.last_ts, a.last_event_id!));
  const last = bLater ? b : a;
  return {
    count: a.count + b.count,
    sum: addDecimalText(a.sum, b.sum),
    min: pick(a.min, b.min, -1),
    max: pick(a.max, b.max, 1),
    last_ts: last.last_ts,
    last_event_id: last.last_event_id,
    last_value: last.last_value,
  };
}
