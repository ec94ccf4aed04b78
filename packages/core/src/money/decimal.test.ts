import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';

const d = (x: string | number | bigint) => Decimal.from(x);

describe('Decimal parsing', () => {
  it.each([
    ['12.50', '12.5'],
    ['-3', '-3'],
    ['+7', '7'],
    ['0', '0'],
    ['-0', '0'],
    ['0.000', '0'],
    ['007.100', '7.1'],
    ['1e-7', '0.0000001'],
    ['1.5E3', '1500'],
    ['-2.5e+2', '-250'],
    ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
  ])('parses %s as %s', (text, canonical) => {
    expect(Decimal.parse(text).toString()).toBe(canonical);
  });

  it.each(['', ' 1', '1 ', '.5', '5.', '1,5', '0x10', '1_000', 'NaN', 'Infinity', '-', 'e5', '1e', '1e1001', '--1', '1.2.3'])(
    'rejects %j',
    (text) => {
      expect(() => Decimal.parse(text)).toThrow(RangeError);
      expect(Decimal.tryParse(text)).toBeUndefined();
    },
  );

  it('rejects overlong text', () => {
    expect(Decimal.tryParse('1'.repeat(401))).toBeUndefined();
  });

  it('reads numbers in their shortest round-trip form', () => {
    expect(d(0.1).toString()).toBe('0.1');
    expect(d(0.1).add(0.2).toString()).toBe('0.3');
    expect(d(1e-7).toString()).toBe('0.0000001');
    expect(d(1e21).toString()).toBe('1000000000000000000000');
    expect(d(-0).toString()).toBe('0');
    expect(d(Number.MAX_SAFE_INTEGER).toString()).toBe('9007199254740991');
    expect(d(5e-324).toString()).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('rejects NaN and infinities', () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => d(bad)).toThrow(RangeError);
  });

  it('rejects other types', () => {
    expect(() => Decimal.from(null as unknown as string)).toThrow(TypeError);
  });
});

describe('Decimal arithmetic', () => {
  it('adds, subtracts and multiplies exactly', () => {
    expect(d('12.50').add('0.005').toString()).toBe('12.505');
    expect(d('1').sub('1.0001').toString()).toBe('-0.0001');
    expect(d('0.1').mul('0.2').toString()).toBe('0.02');
    expect(d('-1.5').mul('2').toString()).toBe('-3');
    expect(d('2.50').mul(4).toString()).toBe('10');
    expect(Decimal.sum(['0.1', 0.2, 3n]).toString()).toBe('3.3');
    expect(Decimal.sum([]).toString()).toBe('0');
  });

  it('compares across scales', () => {
    expect(d('1.10').compare('1.1')).toBe(0);
    expect(d('1.09').compare('1.1')).toBe(-1);
    expect(d('-1').compare('-1.5')).toBe(1);
    expect(d('2').eq('2.000')).toBe(true);
    expect(d('2').lt('2.001')).toBe(true);
    expect(d('2').gt('1.999')).toBe(true);
    expect(Decimal.min('3', '-1.5', '2').toString()).toBe('-1.5');
    expect(Decimal.max('3', '-1.5', '3.01').toString()).toBe('3.01');
  });

  it('divides with a stated scale and rounding', () => {
    expect(d(10).div(3, 4).toString()).toBe('3.3333');
    expect(d(20).div(3, 4).toString()).toBe('6.6667');
    expect(d(-20).div(3, 4).toString()).toBe('-6.6667');
    expect(d(1).div(8, 2).toString()).toBe('0.13'); // 0.125, half_up
    expect(d(1).div(8, 2, 'half_even').toString()).toBe('0.12');
    expect(d(1).div(8, 2, 'trunc').toString()).toBe('0.12');
    expect(d('1.5').div('0.5', 0).toString()).toBe('3');
    expect(d('123.456').div('0.001', 0).toString()).toBe('123456');
    expect(d('0.0001').div(1, 2).toString()).toBe('0');
    expect(() => d(1).div(0, 2)).toThrow(RangeError);
    expect(() => d(1).div(1, -1)).toThrow(RangeError);
  });

  it('rounds half up by default and half even on request', () => {
    expect(d('2.5').round().toString()).toBe('3');
    expect(d('-2.5').round().toString()).toBe('-3');
    expect(d('2.5').round(0, 'half_even').toString()).toBe('2');
    expect(d('3.5').round(0, 'half_even').toString()).toBe('4');
    expect(d('1.005').round(2).toString()).toBe('1.01');
    expect(d('1.0049').round(2).toString()).toBe('1');
    expect(d('-1.21').round(1, 'floor').toString()).toBe('-1.3');
    expect(d('-1.29').round(1, 'ceil').toString()).toBe('-1.2');
    expect(d('7').round(3).toString()).toBe('7');
  });

  it('moves the decimal point', () => {
    expect(d('12.345').movePoint(2).toString()).toBe('1234.5');
    expect(d('12').movePoint(3).toString()).toBe('12000');
    expect(d('12').movePoint(-3).toString()).toBe('0.012');
  });

  it('formats with fixed digits', () => {
    expect(d('12.5').toFixed(2)).toBe('12.50');
    expect(d('12').toFixed(2)).toBe('12.00');
    expect(d('12.345').toFixed(2)).toBe('12.35');
    expect(d('-0.001').toFixed(2)).toBe('0.00');
    expect(d('9.99').toFixed(0)).toBe('10');
    expect(JSON.stringify({ v: d('1.50') })).toBe('{"v":"1.5"}');
  });

  it('converts to bigint and number', () => {
    expect(d('42').toBigInt()).toBe(42n);
    expect(() => d('4.2').toBigInt()).toThrow(RangeError);
    expect(d('0.3').toNumber()).toBe(0.3);
    expect(d('-4.2').abs().toString()).toBe('4.2');
    expect(d('-4.2').sign()).toBe(-1);
    expect(d('0').isZero()).toBe(true);
  });
});

// Ground truth: every value as an integer count of 10^-SCALE, plain BigInt arithmetic.
const SCALE = 6;
const scaled = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
const asDecimal = (n: bigint) => Decimal.of(n, SCALE);

describe('Decimal properties', () => {
  it('add agrees with scaled BigInt addition and is associative and commutative', () => {
    fc.assert(
      fc.property(scaled, scaled, scaled, (a, b, c) => {
        const [x, y, z] = [asDecimal(a), asDecimal(b), asDecimal(c)];
        expect(x.add(y).add(z).eq(x.add(y.add(z)))).toBe(true);
        expect(x.add(y).eq(y.add(x))).toBe(true);
        expect(x.add(y).add(z).eq(asDecimal(a + b + c))).toBe(true);
        expect(x.sub(y).eq(asDecimal(a - b))).toBe(true);
      }),
    );
  });

  it('mul agrees with scaled BigInt multiplication and is associative', () => {
    fc.assert(
      fc.property(scaled, scaled, scaled, (a, b, c) => {
        const [x, y, z] = [asDecimal(a), asDecimal(b), asDecimal(c)];
        expect(x.mul(y).mul(z).eq(x.mul(y.mul(z)))).toBe(true);
        expect(x.mul(y).mul(z).eq(Decimal.of(a * b * c, SCALE * 3))).toBe(true);
        expect(x.mul(y.add(z)).eq(x.mul(y).add(x.mul(z)))).toBe(true);
      }),
    );
  });

  it('toString round-trips through parse and matches compare', () => {
    fc.assert(
      fc.property(scaled, fc.integer({ min: 0, max: 30 }), scaled, (a, s, b) => {
        const x = Decimal.of(a, s);
        expect(Decimal.parse(x.toString()).eq(x)).toBe(true);
        expect(x.toString()).not.toMatch(/e|\.\d*0$|^-?0\d/);
        const y = Decimal.of(b, s);
        expect(x.compare(y)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('numbers read as their shortest form and sum without float error', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(Number(Decimal.fromNumber(n).toString())).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('div then mul is within one unit of the last place', () => {
    fc.assert(
      fc.property(scaled, scaled.filter((b) => b !== 0n), (a, b) => {
        const q = asDecimal(a).div(asDecimal(b), 8);
        const err = q.mul(asDecimal(b)).sub(asDecimal(a)).abs();
        expect(err.compare(asDecimal(b).abs().mul('0.00000001'))).toBeLessThanOrEqual(0);
      }),
    );
  });
});
