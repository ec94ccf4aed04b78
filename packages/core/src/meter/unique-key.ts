import type { MetadataValue } from '../event/types.js';
import { numberToDecimalText } from '../money/decimal-text.js';

/**
 * The canonical string under which unique_count counts a value, distinct by
 * type and value: `s:<string>`, `n:<canonical decimal>`, `b:true` / `b:false`.
 * So "150" (s:150) and 150 (n:150) are two values, while 1.50 and 1.5 — the
 * same JS number — are one (n:1.5), and -0 is n:0. Safe to store and compare
 * as text: the type prefix keeps the three spaces apart.
 */
export function uniqueKey(value: MetadataValue): string {
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
      return `n:${numberToDecimalText(value)}`;
    case 'boolean':
      return value ? 'b:true' : 'b:false';
    default:
      throw new TypeError(`not a metadata value: ${typeof value}`);
  }
}
