import { cellValue, emptyCell, mergeCells, type RollupCell } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellColumns } from '../store/meter-types.js';
import { CellWindowFold } from './window-fold.js';

// The per-window fold against core's mergeCells: windows of many buckets, with
// integers up to 15 digits (sums that leave the exact-number range), decimals,
// negative values, ties on last_ts, and a second window left empty.

const TYPES = ['count', 'sum', 'avg', 'min', 'max', 'last'] as const;
const big = fc.bigInt({ min: 9n * 10n ** 14n, max: 10n ** 15n - 1n });
const decimal = fc.oneof(
  big.map(String), big.map((n) => String(-n)),
  fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }).map(String),
  fc.constantFrom('999999999999999', '-999999999999999', '0.1', '-2.5', '1234567890.000001', '0'),
);
const cell = fc.record({
  count: fc.integer({ min: 1, max: 5 }),
  value: decimal,
  ts: fc.integer({ min: 0, max: 3 }),
  id: fc.constantFrom('a', 'b', 'c'),
});

describe('CellWindowFold', () => {
  it('gives each window the value of its buckets merged by core', () => {
    fc.assert(fc.property(fc.constantFrom(...TYPES), fc.array(cell, { minLength: 1, maxLength: 60, size: 'max' }), (type, raw) => {
      const cells: RollupCell[] = raw.map((r) => ({
        ...emptyCell(), count: r.count, sum: r.value, min: r.value, max: r.value, last_ts: r.ts, last_event_id: r.id, last_value: r.value,
      }));
      const columns: CellColumns = {
        bucket: cells.map((_, i) => i),
        count: cells.map((c) => c.count), sum: cells.map((c) => c.sum), min: cells.map((c) => c.min), max: cells.map((c) => c.max),
        last_ts: cells.map((c) => c.last_ts), last_event_id: cells.map((c) => c.last_event_id), last_value: cells.map((c) => c.last_value),
      };
      const fold = new CellWindowFold(type, 2);
      cells.forEach((_, i) => fold.add(0, columns, i));
      expect(fold.has(0)).toBe(true);
      expect(fold.has(1)).toBe(false);
      expect(fold.value(0)).toBe(cellValue(type, cells.reduce(mergeCells, emptyCell())));
    }), { numRuns: 500 });
  });
});
