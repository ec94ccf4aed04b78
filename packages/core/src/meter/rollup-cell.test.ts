import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../money/decimal.js';
import { AVG_SCALE, cellValue } from './cell-value.js';
import { eventContribution, type Contribution } from './contribution.js';
import { compareCodePoints, isLaterEvent } from './event-order.js';
import { addToCell, emptyCell, mergeCells, type RollupCell } from './rollup-cell.js';
import type { AggregationType } from './types.js';

const num = (v: number): Contribution => eventContribution({ type: 'sum', key: 'v' }, { v });
const fold = (events: { v: number; ts: number; id: string }[]) =>
  events.reduce((cell, e) => addToCell(cell, num(e.v), e.ts, e.id), emptyCell());

describe('rollup cells', () => {
  it('starts empty', () => {
    const e = emptyCell();
    expect(e).toEqual({ count: 0, sum: '0', min: null, max: null, last_ts: null, last_event_id: null, last_value: null });
    expect(cellValue('count', e)).toBe('0');
    expect(cellValue('sum', e)).toBe('0');
    for (const t of ['min', 'max', 'last', 'avg'] as const) expect(cellValue(t, e)).toBeNull();
  });

  it('accumulates exact sums, extremes, last and average', () => {
    const cell = fold([
      { v: 0.1, ts: 1000, id: 'b' },
      { v: 0.2, ts: 3000, id: 'a' },
      { v: -5, ts: 2000, id: 'c' },
      { v: 7, ts: 3000, id: 'b' },
    ]);
    expect(cell).toEqual({ count: 4, sum: '2.3', min: '-5', max: '7', last_ts: 3000, last_event_id: 'b', last_value: '7' });
    expect(cellValue('sum', cell)).toBe('2.3');
    expect(cellValue('avg', cell)).toBe('0.575');
    expect(cellValue('last', cell)).toBe('7');
    expect(cellValue('count', cell)).toBe('4');
  });

  it('rounds averages half up to a fixed scale', () => {
    const cell = fold([{ v: 1, ts: 1, id: 'a' }, { v: 1, ts: 2, id: 'b' }, { v: 0, ts: 3, id: 'c' }]);
    expect(cellValue('avg', cell)).toBe(`0.${'6'.repeat(AVG_SCALE - 1)}7`);
  });

  it('counts count-only and unique contributions without values, and skips ones that do not count', () => {
    let cell = addToCell(emptyCell(), eventContribution({ type: 'count' }, null), 5, 'x');
    cell = addToCell(cell, eventContribution({ type: 'unique_count', key: 'u' }, { u: 'a' }), 6, 'y');
    expect(cell).toEqual({ ...emptyCell(), count: 2 });
    expect(addToCell(cell, eventContribution({ type: 'sum', key: 'v' }, { v: '150' }), 7, 'z')).toBe(cell);
  });

  it('refuses unique_count and unknown types', () => {
    expect(() => cellValue('unique_count', emptyCell())).toThrow(TypeError);
    expect(() => cellValue('median' as AggregationType, emptyCell())).toThrow(TypeError);
  });
});

describe('event order', () => {
  it('breaks timestamp ties by the greater event_id', () => {
    expect(isLaterEvent(2, 'a', 1, 'z')).toBe(true);
    expect(isLaterEvent(1, 'b', 1, 'a')).toBe(true);
    expect(isLaterEvent(1, 'a', 1, 'b')).toBe(false);
    expect(isLaterEvent(1, 'a', 1, 'a')).toBe(false);
  });

  it('compares by code point, like UTF-8 bytes in SQL', () => {
    expect(compareCodePoints('a', 'b')).toBe(-1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('', '')).toBe(0);
    // U+FF5E (3 UTF-8 bytes) sorts before U+1F600 (4 bytes), though its UTF-16 unit is larger.
    expect('\uff5e' > '\u{1f600}').toBe(true);
    expect(compareCodePoints('\uff5e', '\u{1f600}')).toBe(-1);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const bytes = (s: string) => [...new TextEncoder().encode(s)];
        const x = bytes(a);
        const y = bytes(b);
        let expected = 0;
        for (let i = 0; i < Math.min(x.length, y.length) && expected === 0; i++) expected = Math.sign(x[i]! - y[i]!);
        if (expected === 0) expected = Math.sign(x.length - y.length);
        expect(compareCodePoints(a, b)).toBe(expected);
      }),
    );
  });
});

// Events with distinct ids (as stored events have), some timestamps equal on purpose.
const events = fc.uniqueArray(
  fc.record({
    v: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    ts: fc.integer({ min: 0, max: 20 }),
    id: fc.string({ minLength: 1, maxLength: 4 }),
  }),
  { selector: (e) => e.id, maxLength: 30 },
);
const TYPES: AggregationType[] = ['count', 'sum', 'min', 'max', 'last', 'avg'];
const values = (c: RollupCell) => TYPES.map((t) => cellValue(t, c));

describe('rollup cell properties', () => {
  it('mergeCells is associative and commutative for every final value', () => {
    fc.assert(
      fc.property(events, fc.nat(), fc.nat(), (es, i, j) => {
        const cut1 = i % (es.length + 1);
        const cut2 = cut1 + (j % (es.length - cut1 + 1));
        const [a, b, c] = [fold(es.slice(0, cut1)), fold(es.slice(cut1, cut2)), fold(es.slice(cut2))];
        const left = mergeCells(mergeCells(a, b), c);
        expect(values(mergeCells(a, mergeCells(b, c)))).toEqual(values(left));
        expect(values(mergeCells(b, a))).toEqual(values(mergeCells(a, b)));
        expect(values(mergeCells(mergeCells(c, a), b))).toEqual(values(left));
        expect(values(mergeCells(emptyCell(), a))).toEqual(values(a));
        expect(values(left)).toEqual(values(fold(es)));
      }),
    );
  });

  it('folding in any order gives the values computed directly', () => {
    fc.assert(
      fc.property(events, (es) => {
        const shuffled = [...es].reverse();
        const direct = es.map((e) => Decimal.fromNumber(e.v));
        const latest = [...es].sort((a, b) => a.ts - b.ts || compareCodePoints(a.id, b.id)).at(-1);
        const cell = fold(shuffled);
        expect(cell.count).toBe(es.length);
        expect(cell.sum).toBe(Decimal.sum(direct).toString());
        expect(cell.min).toBe(es.length ? Decimal.min(direct[0]!, ...direct).toString() : null);
        expect(cell.max).toBe(es.length ? Decimal.max(direct[0]!, ...direct).toString() : null);
        expect(cell.last_value).toBe(latest ? Decimal.fromNumber(latest.v).toString() : null);
        expect(values(cell)).toEqual(values(fold(es)));
      }),
    );
  });
});
