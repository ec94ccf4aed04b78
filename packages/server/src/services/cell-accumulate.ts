import { addDecimalText, emptyCell, isLaterEvent, numberToDecimalText, type AggregationType, type RollupCell } from '@tally/core';

/**
 * One cell being built from events at ingest. Values stay JS numbers until
 * the cell is written: turning every value into decimal text (and comparing
 * or adding texts) cost more than the rest of the fold. It stays exact: a
 * sum of safe integers is kept as a number only while it is itself a safe
 * integer (so no addition ever rounded), anything else is added as decimal
 * text; and doubles compare in the same order as their shortest decimals.
 */
export interface CellAccumulator {
  count: number;
  /** Safe integers summed, exactly. */
  intSum: number;
  /** The rest of the sum, as exact decimal text. */
  textSum: string | null;
  /** min or max so far (±Infinity before the first value). */
  best: number;
  lastTs: number;
  lastId: string;
  last: number;
  /** unique_count: the uniqueKeys seen. */
  values: Set<string> | null;
}

export function newAccumulator(type: AggregationType): CellAccumulator {
  return {
    count: 0, intSum: 0, textSum: null, best: type === 'min' ? Infinity : -Infinity,
    lastTs: -Infinity, lastId: '', last: 0, values: type === 'unique_count' ? new Set() : null,
  };
}

/** Adds one counted event's number (ignored by count and unique_count). Must not allocate in the common case. */
export function addNumber(type: AggregationType, acc: CellAccumulator, value: number, ts: number, eventId: string): void {
  acc.count++;
  switch (type) {
    case 'sum':
    case 'avg': {
      const sum = acc.intSum + value;
      if (Number.isSafeInteger(value) && Number.isSafeInteger(sum)) acc.intSum = sum;
      else acc.textSum = acc.textSum === null ? numberToDecimalText(value) : addDecimalText(acc.textSum, numberToDecimalText(value));
      return;
    }
    case 'min':
      if (value < acc.best) acc.best = value;
      return;
    case 'max':
      if (value > acc.best) acc.best = value;
      return;
    case 'last':
      if (isLaterEvent(ts, eventId, acc.lastTs, acc.lastId)) (acc.lastTs = ts), (acc.lastId = eventId), (acc.last = value);
      return;
    default:
  }
}

/** The cell, with only the columns its aggregation reads filled in. */
export function toCell(type: AggregationType, acc: CellAccumulator): RollupCell {
  const cell = emptyCell();
  cell.count = acc.count;
  if (acc.count === 0) return cell;
  switch (type) {
    case 'sum':
    case 'avg':
      if (acc.textSum === null) cell.sum = numberToDecimalText(acc.intSum);
      else cell.sum = acc.intSum === 0 ? acc.textSum : addDecimalText(numberToDecimalText(acc.intSum), acc.textSum);
      break;
    case 'min':
      cell.min = numberToDecimalText(acc.best);
      break;
    case 'max':
      cell.max = numberToDecimalText(acc.best);
      break;
    case 'last':
      cell.last_ts = acc.lastTs;
      cell.last_event_id = acc.lastId;
      cell.last_value = numberToDecimalText(acc.last);
      break;
    default:
  }
  return cell;
}
