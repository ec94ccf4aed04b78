import { Decimal } from '../money/decimal.js';
import type { RollupCell } from './rollup-cell.js';
import type { AggregationType } from './types.js';

/** Fractional digits of an average, rounded half up (then trailing zeros trimmed). */
export const AVG_SCALE = 12;

/**
 * A meter's value from a cell, as a decimal string. count and sum of no
 * events are "0"; min, max, last and avg of no events are null — there is no
 * value, and 0 would be a wrong one (a max of negative numbers, say).
 * avg = sum / count to AVG_SCALE digits, half up. unique_count cannot come
 * from a cell (distinct values do not merge by counting): count the distinct
 * uniqueKey values instead; this throws TypeError for it.
 */
export function cellValue(type: AggregationType, cell: RollupCell): string | null {
  switch (type) {
    case 'count':
      return String(cell.count);
    case 'sum':
      return cell.sum;
    case 'min':
      return cell.min;
    case 'max':
      return cell.max;
    case 'last':
      return cell.last_value;
    case 'avg':
      return cell.count === 0 ? null : Decimal.parse(cell.sum).div(cell.count, AVG_SCALE).toString();
    case 'unique_count':
      throw new TypeError('unique_count is the number of distinct uniqueKey values, not a cell value');
    default:
      throw new TypeError(`unknown aggregation type: ${String(type)}`);
  }
}
