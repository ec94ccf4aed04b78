import { describe, expect, it } from 'vitest';
import { eventContribution } from './contribution.js';
import { isNumericString } from './numeric-string.js';
import { uniqueKey } from './unique-key.js';

describe('eventContribution', () => {
  it('always counts for count', () => {
    expect(eventContribution({ type: 'count' }, null)).toEqual({ counts: true, value: null, unique: null });
    expect(eventContribution({ type: 'count', key: 'x' }, { x: 'abc' })).toEqual({ counts: true, value: null, unique: null });
  });

  it('takes exact decimals of numbers for numeric types', () => {
    for (const type of ['sum', 'max', 'min', 'avg', 'last'] as const) {
      expect(eventContribution({ type, key: 'tokens' }, { tokens: 150 })).toEqual({ counts: true, value: '150', unique: null });
    }
    expect(eventContribution({ type: 'sum', key: 'gb' }, { gb: 0.1 })).toMatchObject({ value: '0.1' });
    expect(eventContribution({ type: 'sum', key: 'gb' }, { gb: -2.5e-7 })).toMatchObject({ value: '-0.00000025' });
  });

  it('tells a missing key, a numeric string and a non-number apart', () => {
    expect(eventContribution({ type: 'sum', key: 'tokens' }, { other: 1 })).toEqual({ counts: false, reason: 'missing_key', key: 'tokens', actual: null });
    expect(eventContribution({ type: 'sum', key: 'tokens' }, null)).toMatchObject({ reason: 'missing_key' });
    expect(eventContribution({ type: 'sum', key: 'tokens' }, { tokens: '150' })).toEqual({ counts: false, reason: 'not_numeric_string', key: 'tokens', actual: '150' });
    expect(eventContribution({ type: 'max', key: 'tokens' }, { tokens: 'lots' })).toMatchObject({ reason: 'not_numeric', actual: 'lots' });
    expect(eventContribution({ type: 'avg', key: 'tokens' }, { tokens: true })).toMatchObject({ reason: 'not_numeric', actual: true });
    expect(eventContribution({ type: 'sum', key: null }, { tokens: 1 })).toMatchObject({ reason: 'missing_key', key: null });
  });

  it('counts any value for unique_count, by type and value', () => {
    expect(eventContribution({ type: 'unique_count', key: 'user' }, { user: 'u1' })).toEqual({ counts: true, value: null, unique: 's:u1' });
    expect(eventContribution({ type: 'unique_count', key: 'user' }, { user: 150 })).toMatchObject({ unique: 'n:150' });
    expect(eventContribution({ type: 'unique_count', key: 'user' }, { user: false })).toMatchObject({ unique: 'b:false' });
    expect(eventContribution({ type: 'unique_count', key: 'user' }, {})).toMatchObject({ counts: false, reason: 'missing_key' });
  });
});

describe('uniqueKey', () => {
  it('keeps types apart and numbers canonical', () => {
    expect(uniqueKey('150')).toBe('s:150');
    expect(uniqueKey(150)).toBe('n:150');
    expect(uniqueKey(1.5)).toBe('n:1.5');
    expect(uniqueKey(-0)).toBe('n:0');
    expect(uniqueKey(1e21)).toBe('n:1000000000000000000000');
    expect(uniqueKey(true)).toBe('b:true');
    expect(uniqueKey('true')).toBe('s:true');
    expect(uniqueKey('')).toBe('s:');
    expect(() => uniqueKey(null as unknown as string)).toThrow(TypeError);
  });
});

describe('isNumericString', () => {
  it('spots numbers sent as strings', () => {
    for (const s of ['150', '-2.5', ' 42 ', '1e3', '0']) expect(isNumericString(s)).toBe(true);
    for (const s of ['', 'abc', '1,5', '0x10', 'NaN', 'Infinity', '.5']) expect(isNumericString(s)).toBe(false);
    expect(isNumericString(150)).toBe(false);
  });
});
