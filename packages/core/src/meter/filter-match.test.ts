import { describe, expect, it } from 'vitest';
import type { Metadata } from '../event/types.js';
import { conditionHolds, matchesFilter, metadataValue } from './filter-match.js';
import type { Condition, Filter, FilterOperator } from './types.js';

const c = (key: string, operator: FilterOperator, value: string | number | boolean): Condition => ({ key, operator, value });
const holds = (operator: FilterOperator, expected: string | number | boolean, actual: string | number | boolean | undefined) =>
  conditionHolds(c('k', operator, expected), actual);

describe('conditionHolds', () => {
  it('never matches a missing key, not even for the negative operators', () => {
    for (const op of ['equals', 'not_equals', 'greater_than', 'less_than', 'contains', 'does_not_contain'] as const) {
      expect(holds(op, op === 'contains' || op === 'does_not_contain' ? 'x' : 1, undefined)).toBe(false);
    }
  });

  it('compares equals and not_equals by type and value', () => {
    expect(holds('equals', 'pro', 'pro')).toBe(true);
    expect(holds('equals', 'pro', 'Pro')).toBe(false);
    expect(holds('equals', 150, 150)).toBe(true);
    expect(holds('equals', 150, '150')).toBe(false);
    expect(holds('equals', true, true)).toBe(true);
    expect(holds('equals', true, 'true')).toBe(false);
    expect(holds('not_equals', 150, '150')).toBe(true);
    expect(holds('not_equals', 150, 150)).toBe(false);
    expect(holds('not_equals', 'a', 'b')).toBe(true);
  });

  it('orders numbers only: a numeric string never matches', () => {
    expect(holds('greater_than', 100, 150)).toBe(true);
    expect(holds('greater_than', 100, 100)).toBe(false);
    expect(holds('greater_than_or_equals', 100, 100)).toBe(true);
    expect(holds('less_than', 100, 99.5)).toBe(true);
    expect(holds('less_than_or_equals', -1, -1)).toBe(true);
    expect(holds('less_than_or_equals', -1, 0)).toBe(false);
    expect(holds('greater_than', 100, '150')).toBe(false);
    expect(holds('less_than', 100, '50')).toBe(false);
    expect(holds('greater_than', 0, true)).toBe(false);
    expect(holds('greater_than', '100' as unknown as number, 150)).toBe(false);
  });

  it('tests substrings on strings only, case-sensitively', () => {
    expect(holds('contains', '/v1/', 'GET /v1/users')).toBe(true);
    expect(holds('contains', '/V1/', 'GET /v1/users')).toBe(false);
    expect(holds('contains', '', 'anything')).toBe(true);
    expect(holds('does_not_contain', 'admin', '/v1/users')).toBe(true);
    expect(holds('does_not_contain', 'v1', '/v1/users')).toBe(false);
    expect(holds('contains', '15', 150)).toBe(false);
    expect(holds('does_not_contain', '15', 150)).toBe(false);
  });

  it('rejects an unknown operator', () => {
    expect(conditionHolds({ key: 'k', operator: 'like' as FilterOperator, value: 1 }, 1)).toBe(false);
  });
});

describe('metadataValue', () => {
  it('reads own keys only', () => {
    expect(metadataValue({ a: 1 }, 'a')).toBe(1);
    expect(metadataValue({ a: 1 }, 'constructor')).toBeUndefined();
    expect(metadataValue({ a: 1 }, 'toString')).toBeUndefined();
    expect(metadataValue(null, 'a')).toBeUndefined();
    expect(metadataValue(undefined, 'a')).toBeUndefined();
  });
});

describe('matchesFilter', () => {
  const filter: Filter = {
    conjunction: 'and',
    clauses: [
      { conjunction: 'or', clauses: [c('tier', 'equals', 'pro'), c('tier', 'equals', 'team')] },
      { conjunction: 'and', clauses: [c('tokens', 'greater_than', 0), c('path', 'does_not_contain', '/internal')] },
    ],
  };
  const ok: Metadata = { tier: 'pro', tokens: 5, path: '/v1/chat' };

  it('applies and/or across nested filters', () => {
    expect(matchesFilter(filter, ok)).toBe(true);
    expect(matchesFilter(filter, { ...ok, tier: 'team' })).toBe(true);
    expect(matchesFilter(filter, { ...ok, tier: 'free' })).toBe(false);
    expect(matchesFilter(filter, { ...ok, tokens: 0 })).toBe(false);
    expect(matchesFilter(filter, { ...ok, tokens: '5' })).toBe(false);
    expect(matchesFilter(filter, { ...ok, path: '/internal/x' })).toBe(false);
    const { path: _, ...noPath } = ok;
    expect(matchesFilter(filter, noPath)).toBe(false);
  });

  it('admits everything without a filter, nothing with metadata missing', () => {
    expect(matchesFilter(null, null)).toBe(true);
    expect(matchesFilter(undefined, { a: 1 })).toBe(true);
    expect(matchesFilter(filter, null)).toBe(false);
  });
});
