import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';
import { addDecimalText, compareDecimalText, numberToDecimalText } from './decimal-text.js';

// Canonical decimal strings of every shape: integers small and huge, long fractions, near-ties.
const text = fc
  .oneof(
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).chain((c) => fc.integer({ min: 0, max: 25 }).map((s) => Decimal.of(c, s))),
    fc.integer({ min: -1e15, max: 1e15 }).map((n) => Decimal.of(BigInt(n))),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => Decimal.fromNumber(n)),
    fc.constantFrom('9007199254740993', '9007199254740992', '0.30000000000000004', '0.3').map((s) => Decimal.parse(s)),
  )
  .map((d) => d.toString());

describe('decimal text fast paths', () => {
  it('match Decimal exactly', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(addDecimalText(a, b)).toBe(Decimal.parse(a).add(b).toString());
        expect(compareDecimalText(a, b)).toBe(Decimal.parse(a).compare(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('read numbers canonically', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(numberToDecimalText(n)).toBe(Decimal.fromNumber(n).toString());
      }),
    );
    expect(numberToDecimalText(-0)).toBe('0');
    expect(numberToDecimalText(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimalText(1.5e-7)).toBe('0.00000015');
    expect(() => numberToDecimalText(NaN)).toThrow(RangeError);
    expect(() => numberToDecimalText(Infinity)).toThrow(RangeError);
  });

  it('compare values that are equal as doubles but not as decimals', () => {
    expect(compareDecimalText('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareDecimalText('0.1', '0.1000000000000000000001')).toBe(-1);
    expect(addDecimalText('999999999999999', '999999999999999')).toBe('1999999999999998');
    expect(addDecimalText('9999999999999999', '1')).toBe('10000000000000000');
  });
});
