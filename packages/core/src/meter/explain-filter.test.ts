import { describe, expect, it } from 'vitest';
import { explainFilter } from './explain-filter.js';
import type { Filter } from './types.js';

const filter: Filter = {
  conjunction: 'and',
  clauses: [
    { conjunction: 'or', clauses: [{ key: 'tier', operator: 'equals', value: 'pro' }, { key: 'tier', operator: 'equals', value: 'team' }] },
    { conjunction: 'and', clauses: [{ key: 'tokens', operator: 'greater_than', value: 100 }, { key: 'region', operator: 'contains', value: 'eu' }] },
  ],
};

describe('explainFilter', () => {
  it('is empty when the filter matches', () => {
    expect(explainFilter(filter, { tier: 'pro', tokens: 150, region: 'eu-west' })).toEqual([]);
    expect(explainFilter(null, {})).toEqual([]);
  });

  it('lists each false condition with its path and actual value', () => {
    const why = explainFilter(filter, { tier: 'free', tokens: '150', region: 7 });
    expect(why.map(({ path, code, actual, missing }) => ({ path, code, actual, missing }))).toEqual([
      { path: 'filter.clauses[0].clauses[0]', code: 'condition_false', actual: 'free', missing: false },
      { path: 'filter.clauses[0].clauses[1]', code: 'condition_false', actual: 'free', missing: false },
      { path: 'filter.clauses[1].clauses[0]', code: 'not_numeric_string', actual: '150', missing: false },
      { path: 'filter.clauses[1].clauses[1]', code: 'type_mismatch', actual: 7, missing: false },
    ]);
    expect(why[0]!.condition).toEqual({ key: 'tier', operator: 'equals', value: 'pro' });
    expect(why[0]!.message).toBe('metadata.tier must equal "pro", but it is "free"');
    expect(why[2]!.message).toBe('metadata.tokens must be greater than 100, but the event sent the string "150"; send the number 150 instead');
    expect(why[3]!.message).toBe('metadata.region must contain "eu", but the event sent number 7, not a string');
  });

  it('lists only the false clauses of an and, and reports missing keys', () => {
    const why = explainFilter(filter, { tier: 'team', tokens: 50 });
    expect(why.map((w) => [w.path, w.code, w.actual, w.missing])).toEqual([
      ['filter.clauses[1].clauses[0]', 'condition_false', 50, false],
      ['filter.clauses[1].clauses[1]', 'missing_key', null, true],
    ]);
    expect(why[1]!.message).toBe('metadata.region must contain "eu", but the event has no "region" key');
  });

  it('explains type differences on equals', () => {
    const eq: Filter = { conjunction: 'and', clauses: [{ key: 'n', operator: 'equals', value: 150 }, { key: 'b', operator: 'equals', value: true }, { key: 'x', operator: 'not_equals', value: 'a' }] };
    expect(explainFilter(eq, { n: '150', b: 'true', x: 'a' }).map((w) => w.code)).toEqual(['not_numeric_string', 'type_mismatch', 'condition_false']);
  });

  it('agrees with matchesFilter on when to explain', () => {
    const or: Filter = { conjunction: 'or', clauses: [{ key: 'a', operator: 'equals', value: 1 }, { key: 'b', operator: 'equals', value: 2 }] };
    expect(explainFilter(or, { a: 1 })).toEqual([]);
    expect(explainFilter(or, { a: 2 }).map((w) => w.path)).toEqual(['filter.clauses[0]', 'filter.clauses[1]']);
  });
});
