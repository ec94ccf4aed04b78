import { addDecimalText, compareDecimalText, isLaterEvent, type AggregationType, type RollupCell } from '@tally/core';

/**
 * Adds one counted event to a cell in place, touching only the columns its
 * aggregation reads (the store keeps no others): at ingest this runs for
 * every event, meter and granularity, so it must not allocate.
 */
export function accumulate(type: AggregationType, cell: RollupCell, value: string | null, ts: number, eventId: string): void {
  cell.count++;
  if (value === null) return;
  switch (type) {
    case 'sum':
    case 'avg':
      cell.sum = addDecimalText(cell.sum, value);
      return;
    case 'min':
      if (cell.min === null || compareDecimalText(value, cell.min) < 0) cell.min = value;
      return;
    case 'max':
      if (cell.max === null || compareDecimalText(value, cell.max) > 0) cell.max = value;
      return;
    case 'last':
      if (cell.last_ts === null || isLaterEvent(ts, eventId, cell.last_ts, cell.last_event_id!)) {
        cell.last_ts = ts;
        cell.last_event_id = eventId;
        cell.last_value = value;
      }
      return;
    default:
  }
}
