import { addDecimalText, compareDecimalText } from '@tally/core';
import type { SqliteDatabase } from './driver.js';

type Text = string | null;

/**
 * Exact decimal arithmetic for rollup upserts: sums are TEXT decimals added
 * by core's code, never by SQLite's floating point. NULL is "no value".
 */
export function registerDecimalFunctions(db: SqliteDatabase): void {
  const opts = { deterministic: true };
  db.function('dec_add', opts, (a: Text, b: Text) => (a === null ? b : b === null ? a : addDecimalText(a, b)));
  db.function('dec_min', opts, (a: Text, b: Text) => (a === null ? b : b === null ? a : compareDecimalText(b, a) < 0 ? b : a));
  db.function('dec_max', opts, (a: Text, b: Text) => (a === null ? b : b === null ? a : compareDecimalText(b, a) > 0 ? b : a));
}
