import { describe, expect, it } from 'vitest';
import { validateMeterInput } from './validate-meter.js';

const base = { name: 'API calls', event_name: 'api_call', aggregation: { type: 'count' }, measurement_unit: 'calls' };
const cond = (key: string, operator: string, value: unknown) => ({ key, operator, value });
const fields = (body: unknown) => {
  const r = validateMeterInput(body);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('validateMeterInput', () => {
  it('accepts a minimal count meter and fills optional fields', () => {
    expect(validateMeterInput(base)).toEqual({
      ok: true,
      value: { ...base, aggregation: { type: 'count', key: null }, description: null, filter: null },
    });
  });

  it('accepts every aggregation type with a key and a filter three levels deep', () => {
    const filter = {
      conjunction: 'and',
      clauses: [
        { conjunction: 'or', clauses: [{ conjunction: 'and', clauses: [cond('tier', 'equals', 'pro'), cond('tokens', 'greater_than', 10)] }] },
        { conjunction: 'or', clauses: [cond('path', 'contains', '/v1/'), cond('beta', 'equals', true)] },
      ],
    };
    for (const type of ['sum', 'max', 'last', 'min', 'avg', 'unique_count']) {
      const r = validateMeterInput({ ...base, aggregation: { type, key: 'tokens' }, filter, description: 'LLM tokens' });
      expect(r.ok).toBe(true);
    }
  });

  it('accepts every operator with a value of the right type', () => {
    const clauses = [
      cond('a', 'equals', 'x'), cond('a', 'not_equals', 3), cond('a', 'equals', false),
      cond('n', 'greater_than', 1), cond('n', 'greater_than_or_equals', 1.5), cond('n', 'less_than', -1), cond('n', 'less_than_or_equals', 0),
      cond('s', 'contains', 'x'), cond('s', 'does_not_contain', ''),
    ];
    expect(validateMeterInput({ ...base, filter: { conjunction: 'or', clauses } }).ok).toBe(true);
  });

  it('names an unknown operator by its path', () => {
    const body = {
      ...base,
      filter: { conjunction: 'and', clauses: [{ conjunction: 'or', clauses: [cond('a', 'equals', 1)] }, { conjunction: 'or', clauses: [cond('b', 'like', 'x')] }] },
    };
    const r = validateMeterInput(body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ field: 'filter.clauses[1].clauses[0].operator', message: expect.stringContaining('unknown operator "like"') }]);
  });

  it('rejects nesting deeper than 3 levels', () => {
    const deep = { conjunction: 'and', clauses: [{ conjunction: 'and', clauses: [{ conjunction: 'and', clauses: [{ conjunction: 'and', clauses: [cond('a', 'equals', 1)] }] }] }] };
    const r = validateMeterInput({ ...base, filter: deep });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.field).toBe('filter.clauses[0].clauses[0].clauses[0]');
      expect(r.issues[0]!.message).toMatch(/at most 3 levels.*level 4/);
    }
  });

  it('rejects empty clauses and a mix of conditions and filters', () => {
    expect(fields({ ...base, filter: { conjunction: 'and', clauses: [] } })).toEqual(['filter.clauses']);
    expect(fields({ ...base, filter: { conjunction: 'and', clauses: [{ conjunction: 'or', clauses: [] }] } })).toEqual(['filter.clauses[0].clauses']);
    const mixed = validateMeterInput({ ...base, filter: { conjunction: 'and', clauses: [cond('a', 'equals', 1), { conjunction: 'or', clauses: [cond('b', 'equals', 2)] }] } });
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) expect(mixed.issues).toEqual([{ field: 'filter.clauses', message: expect.stringContaining('not a mix') }]);
  });

  it('requires a key for every aggregation but count', () => {
    for (const type of ['sum', 'max', 'last', 'min', 'avg', 'unique_count']) {
      expect(fields({ ...base, aggregation: { type } })).toEqual(['aggregation.key']);
      expect(fields({ ...base, aggregation: { type, key: null } })).toEqual(['aggregation.key']);
      expect(fields({ ...base, aggregation: { type, key: '' } })).toEqual(['aggregation.key']);
    }
    expect(validateMeterInput({ ...base, aggregation: { type: 'count', key: 'ignored' } }).ok).toBe(true);
  });

  it('rejects unknown aggregation types and bad aggregation shapes', () => {
    const r = validateMeterInput({ ...base, aggregation: { type: 'median', key: 'x' } });
    expect(r.ok ? [] : r.issues).toEqual([{ field: 'aggregation.type', message: expect.stringContaining('unknown aggregation type "median"') }]);
    expect(fields({ ...base, aggregation: 'count' })).toEqual(['aggregation']);
    expect(fields({ ...base, aggregation: undefined })).toEqual(['aggregation']);
    expect(fields({ ...base, aggregation: { type: 'sum', key: 5 } })).toEqual(['aggregation.key']);
    expect(fields({ ...base, aggregation: { type: 'count', window: 'day' } })).toEqual(['aggregation.window']);
  });

  it('rejects empty, blank, over-long and wrongly typed strings', () => {
    const long = 'x'.repeat(256);
    expect(fields({ ...base, name: '' })).toEqual(['name']);
    expect(fields({ ...base, name: '   ' })).toEqual(['name']);
    expect(fields({ ...base, event_name: long, measurement_unit: long, name: long })).toEqual(['name', 'event_name', 'measurement_unit']);
    expect(validateMeterInput({ ...base, name: 'x'.repeat(255) }).ok).toBe(true);
    expect(fields({ ...base, name: 42, event_name: null, measurement_unit: undefined })).toEqual(['name', 'event_name', 'measurement_unit']);
    expect(fields({ ...base, description: 7 })).toEqual(['description']);
    expect(fields({ ...base, description: 'x'.repeat(1001) })).toEqual(['description']);
    expect(validateMeterInput({ ...base, description: null, filter: null }).ok).toBe(true);
  });

  it('checks condition values against their operators', () => {
    const r = validateMeterInput({
      ...base,
      filter: {
        conjunction: 'and',
        clauses: [cond('n', 'greater_than', '100'), cond('s', 'contains', 5), cond('a', 'equals', null), cond('a', 'equals', { x: 1 }), cond('a', 'equals', Infinity), cond('', 'equals', 1)],
      },
    });
    expect(r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      'filter.clauses[0].value: greater_than compares numbers, so the value must be a number, got the string "100"',
      'filter.clauses[1].value: contains looks for a substring, so the value must be a string, got number 5',
      'filter.clauses[2].value: must be a string, number or boolean, got null',
      'filter.clauses[3].value: must be a string, number or boolean, got object [object Object]',
      'filter.clauses[4].value: must be a finite number',
      'filter.clauses[5].key: must be a metadata key of 1 to 100 characters',
    ]);
  });

  it('rejects wrong filter shapes and unknown fields', () => {
    expect(fields({ ...base, filter: [] })).toEqual(['filter']);
    expect(fields({ ...base, filter: { conjunction: 'xor', clauses: 'a' } })).toEqual(['filter.conjunction', 'filter.clauses']);
    expect(fields({ ...base, filter: { conjunction: 'and', clauses: [7] } })).toEqual(['filter.clauses[0]']);
    expect(fields({ ...base, filter: { conjunction: 'and', clauses: [{ key: 'a', operator: 'equals', value: 1, extra: 1 }], not: true } })).toEqual([
      'filter.not',
      'filter.clauses[0].extra',
    ]);
    expect(fields({ ...base, filter: { conjunction: 'and', clauses: [{ key: 'a', value: 1 }] } })).toEqual(['filter.clauses[0].operator']);
    expect(fields({ ...base, filters: {} })).toEqual(['filters']);
    expect(fields({ ...base, filter: { conjunction: 'or', clauses: Array.from({ length: 101 }, () => cond('a', 'equals', 1)) } })).toEqual(['filter.clauses']);
  });

  it('reports every problem at once', () => {
    const r = validateMeterInput({ name: '', aggregation: { type: 'sum' }, measurement_unit: 'x', filter: { conjunction: 'and', clauses: [cond('a', 'nope', 1)] } });
    expect(r.ok ? [] : r.issues.map((i) => i.field)).toEqual(['name', 'event_name', 'aggregation.key', 'filter.clauses[0].operator']);
  });

  it('rejects bodies that are not objects', () => {
    for (const body of [null, undefined, 'meter', [base], 3]) expect(fields(body)).toEqual(['']);
  });
});
