import { matchesFilter } from '@tally/core';
import { describe, expect, it } from 'vitest';
import { newCondition, newGroup, replaceClause, toMeterFilter, type DraftGroup } from '../src/pages/meter-create/filter-draft';
import { describeFilter } from '../src/pages/meter-describe';

function draft(): DraftGroup {
  const inner = { ...newGroup(), conjunction: 'or' as const, clauses: [
    { ...newCondition(), key: 'tier', value: 'pro' },
    { ...newCondition(), key: 'tokens', operator: 'greater_than' as const, valueType: 'number' as const, value: '100' },
  ] };
  return { ...newGroup(), clauses: [{ ...newCondition(), key: ' endpoint ', value: '/v1/chat' }, { ...newCondition(), key: '' }, inner] };
}

describe('the filter builder draft', () => {
  it('becomes the wire filter: typed values, trimmed keys, blank conditions dropped', () => {
    expect(toMeterFilter(draft())).toEqual({
      conjunction: 'and',
      clauses: [
        { key: 'endpoint', operator: 'equals', value: '/v1/chat' },
        { conjunction: 'or', clauses: [{ key: 'tier', operator: 'equals', value: 'pro' }, { key: 'tokens', operator: 'greater_than', value: 100 }] },
      ],
    });
    expect(toMeterFilter({ ...newGroup(), clauses: [] })).toBeNull();
  });

  it('previews with core matchesFilter exactly as the server will match', () => {
    const f = toMeterFilter(draft()) as Parameters<typeof matchesFilter>[0];
    expect(matchesFilter(f, { endpoint: '/v1/chat', tokens: 150 })).toBe(true);
    expect(matchesFilter(f, { endpoint: '/v1/chat', tokens: '150' })).toBe(false);
    expect(matchesFilter(f, { endpoint: '/v1/embed', tier: 'pro' })).toBe(false);
  });

  it('replaces or removes a nested clause by id without touching the rest', () => {
    const d = draft();
    const inner = d.clauses[2] as DraftGroup;
    const removed = replaceClause(d, inner.clauses[0]!.id, null);
    expect((removed.clauses[2] as DraftGroup).clauses).toHaveLength(1);
    expect(d.clauses[2]).toBe(inner);
    expect(describeFilter(toMeterFilter(removed))).toBe('endpoint = "/v1/chat" and (tokens > 100)');
  });
});
