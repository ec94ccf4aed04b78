import { describe, expect, it } from 'vitest';
import { CURRENCIES, currencyExponent, isCurrency } from './currency.js';
import { priceComponent } from './price-component.js';

describe('currencyExponent', () => {
  it.each([
    ['USD', 2], ['EUR', 2], ['GBP', 2], ['INR', 2], ['CHF', 2], ['CAD', 2], ['AUD', 2],
    ['JPY', 0], ['KRW', 0], ['BHD', 3], ['KWD', 3],
  ])('%s has %i minor digits', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
    expect(isCurrency(code)).toBe(true);
  });

  it('rejects unknown and lower-case codes', () => {
    expect(() => currencyExponent('XYZ')).toThrow(RangeError);
    expect(() => currencyExponent('usd')).toThrow(RangeError);
    expect(isCurrency('usd')).toBe(false);
    expect(isCurrency(840)).toBe(false);
  });

  it('lists every code once, sorted', () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    expect([...CURRENCIES].sort()).toEqual(CURRENCIES);
    expect(CURRENCIES.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
  });
});

describe('priceComponent', () => {
  it('charges units above the free threshold', () => {
    expect(priceComponent({ consumed: '1500', freeThreshold: 1000, pricePerUnit: '0.02', currency: 'USD' })).toEqual({
      consumed_units: '1500',
      free_threshold: '1000',
      chargeable_units: '500',
      price_per_unit: '0.02',
      currency: 'USD',
      total_price: 1000,
    });
  });

  it('charges nothing within the free threshold', () => {
    const c = priceComponent({ consumed: '800', freeThreshold: '1000', pricePerUnit: '5', currency: 'EUR' });
    expect(c.chargeable_units).toBe('0');
    expect(c.total_price).toBe(0);
  });

  it('treats a missing threshold as zero and negative usage as nothing to charge', () => {
    expect(priceComponent({ consumed: '3', pricePerUnit: '1', currency: 'USD' }).total_price).toBe(300);
    expect(priceComponent({ consumed: '-3', pricePerUnit: '1', currency: 'USD' }).total_price).toBe(0);
  });

  it('rounds once, half up, to the minor unit', () => {
    // 0.0025 × 3 = 0.0075 dollars = 0.75 cent → 1 cent
    expect(priceComponent({ consumed: 3, pricePerUnit: '0.0025', currency: 'USD' }).total_price).toBe(1);
    // 0.5 cent exactly → 1 cent (half up), 0 cents with half_even
    expect(priceComponent({ consumed: 2, pricePerUnit: '0.0025', currency: 'USD' }).total_price).toBe(1);
    expect(priceComponent({ consumed: 2, pricePerUnit: '0.0025', currency: 'USD', rounding: 'half_even' }).total_price).toBe(0);
    // 0.4 cent → 0
    expect(priceComponent({ consumed: 4, pricePerUnit: '0.001', currency: 'USD' }).total_price).toBe(0);
  });

  it('uses each currency exponent', () => {
    expect(priceComponent({ consumed: '10.5', pricePerUnit: '3', currency: 'JPY' }).total_price).toBe(32); // 31.5 → 32
    expect(priceComponent({ consumed: '1', pricePerUnit: '1.2345', currency: 'KWD' }).total_price).toBe(1235);
    expect(priceComponent({ consumed: '1', pricePerUnit: '1.2345', currency: 'BHD', rounding: 'half_even' }).total_price).toBe(1234);
  });

  it('keeps fractional quantities exact', () => {
    const c = priceComponent({ consumed: 0.1 + 0.2, freeThreshold: '0.1', pricePerUnit: '10', currency: 'USD' });
    expect(c.consumed_units).toBe('0.30000000000000004'); // a JS number is read as it prints
    const d = priceComponent({ consumed: '0.3', freeThreshold: '0.1', pricePerUnit: '10', currency: 'USD' });
    expect(d.chargeable_units).toBe('0.2');
    expect(d.total_price).toBe(200);
  });

  it('rejects bad input', () => {
    expect(() => priceComponent({ consumed: 1, pricePerUnit: '-1', currency: 'USD' })).toThrow(RangeError);
    expect(() => priceComponent({ consumed: 1, freeThreshold: -1, pricePerUnit: '1', currency: 'USD' })).toThrow(RangeError);
    expect(() => priceComponent({ consumed: 1, pricePerUnit: '1', currency: 'XXX' })).toThrow(RangeError);
    expect(() => priceComponent({ consumed: '1e30', pricePerUnit: '1', currency: 'USD' })).toThrow(/too large/);
    expect(() => priceComponent({ consumed: 'abc', pricePerUnit: '1', currency: 'USD' })).toThrow(RangeError);
  });
});
