import { addToCell, emptyCell, eventContribution, type AggregationType } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNumber, newAccumulator, toCell } from './cell-accumulate.js';

const NUMERIC: AggregationType[] = ['sum', 'avg', 'min', 'max', 'last'];

// Values where number shortcuts could go wrong: around 2^53, fractions, -0,
// large and small magnitudes (within what a decimal sum can hold: 400 digits).
const value = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -20, max: 20 }).map((d) => Number.MAX_SAFE_INTEGER + d),
  fc.integer({ min: -20, max: 20 }).map((d) => -Number.MAX_SAFE_INTEGER + d),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(-0, 0.1, 0.2, 1e21, 1e-7, 2 ** 60, 5e-100),
);
const event = fc.record({ value, ts: fc.integer({ min: 0, max: 5 }), id: fc.constantFrom('a', 'b', 'c', '\u{1F600}', '\uE000') });

describe('cell accumulator', () => {
  it('builds the same cell as core adding events one by one with their decimal text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NUMERIC), fc.array(event, { maxLength: 60 }), (type, events) => {
        const acc = newAccumulator(type);
        let expected = emptyCell();
        for (const e of events) {
          addNumber(type, acc, e.value, e.ts, e.id);
          expected = addToCell(expected, eventContribution({ type, key: 'v' }, { v: e.value }), e.ts, e.id);
        }
        const cell = toCell(type, acc);
        expect(cell.count).toBe(expected.count);
        if (type === 'sum' || type === 'avg') expect(cell.sum).toBe(expected.sum);
        if (type === 'min') expect(cell.min).toBe(expected.min);
        if (type === 'max') expect(cell.max).toBe(expected.max);
        if (type === 'last') expect([cell.last_ts, cell.last_event_id, cell.last_value]).toEqual([expected.last_ts, expected.last_event_id, expected.last_value]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a sum exact past 2^53', () => {
    const acc = newAccumulator('sum');
    for (const v of [Number.MAX_SAFE_INTEGER, 1, 1, 0.5]) addNumber('sum', acc, v, 0, 'x');
    expect(toCell('sum', acc).sum).toBe('9007199254740993.5');
  });
});
