import { describe, expect, it } from 'vitest';
import { explainEvent } from './explain-event.js';
import type { MeterDefinition } from './types.js';

const meter: MeterDefinition = {
  event_name: 'llm.tokens',
  aggregation: { type: 'sum', key: 'tokens' },
  filter: { conjunction: 'and', clauses: [{ key: 'model', operator: 'equals', value: 'gpt-4o' }] },
};
const ts = Date.parse('2024-05-10T12:00:00Z');
const good = { eventName: 'llm.tokens', timestamp: ts, metadata: { model: 'gpt-4o', tokens: 150 } };
const ctx = { customerKnown: true, archived: false, period: { start: Date.parse('2024-05-01T00:00:00Z'), end: Date.parse('2024-06-01T00:00:00Z') } };

describe('explainEvent', () => {
  it('says an event that counts, counts', () => {
    expect(explainEvent(good, meter, ctx)).toEqual({ counts: true, reasons: [] });
    expect(explainEvent(good, meter, { customerKnown: true, archived: false })).toEqual({ counts: true, reasons: [] });
  });

  it('lists every reason at once', () => {
    const bad = { eventName: 'LLM.Tokens', timestamp: Date.parse('2024-06-01T00:00:00Z'), metadata: { model: 'gpt-3.5', tokens: '150' } };
    const r = explainEvent(bad, meter, { ...ctx, customerKnown: false, archived: true });
    expect(r.counts).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual([
      'event_name_mismatch',
      'unknown_customer',
      'filter_clause_false',
      'not_numeric_string',
      'outside_period',
      'meter_archived',
    ]);
    expect(r.reasons[0]).toMatchObject({ expected: 'llm.tokens', actual: 'LLM.Tokens', case_only: true });
    expect(r.reasons[0]!.message).toContain('only the letter case differs');
    expect(r.reasons[2]).toMatchObject({ path: 'filter.clauses[0]', actual: 'gpt-3.5', missing: false, cause: 'condition_false' });
    expect(r.reasons[3]).toMatchObject({ key: 'tokens', actual: '150' });
    expect(r.reasons[3]!.message).toBe('metadata.tokens is the string "150", and sum needs a number: send 150, not "150"');
    expect(r.reasons[4]).toMatchObject({ timestamp: '2024-06-01T00:00:00.000Z', period_start: '2024-05-01T00:00:00.000Z', period_end: '2024-06-01T00:00:00.000Z' });
    expect(r.reasons[4]!.message).toContain('at or after the end of');
  });

  it('tells a different name from a case difference', () => {
    const r = explainEvent({ ...good, eventName: 'llm.token' }, meter, ctx);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'event_name_mismatch', case_only: false })]);
    expect(r.reasons[0]!.message).not.toContain('case');
  });

  it('reports a missing key and a non-numeric value', () => {
    const missing = explainEvent({ ...good, metadata: { model: 'gpt-4o' } }, meter, ctx);
    expect(missing.reasons).toEqual([
      { code: 'missing_key', key: 'tokens', actual: null, message: 'the meter\'s sum reads metadata.tokens, but the event has no "tokens" key' },
    ]);
    const bool = explainEvent({ ...good, metadata: { model: 'gpt-4o', tokens: true } }, meter, ctx);
    expect(bool.reasons).toEqual([expect.objectContaining({ code: 'not_numeric', actual: true })]);
  });

  it('reports a filtered key that is missing, and a time before the period', () => {
    const r = explainEvent({ ...good, timestamp: Date.parse('2024-04-30T23:59:59Z'), metadata: { tokens: 5 } }, meter, ctx);
    expect(r.reasons.map((x) => x.code)).toEqual(['filter_clause_false', 'outside_period']);
    expect(r.reasons[0]).toMatchObject({ missing: true, actual: null, cause: 'missing_key' });
    expect(r.reasons[1]!.message).toContain('before the period');
  });

  it('needs no key for count meters', () => {
    const count: MeterDefinition = { event_name: 'api_call', aggregation: { type: 'count' } };
    expect(explainEvent({ eventName: 'api_call', timestamp: ts, metadata: null }, count, ctx).counts).toBe(true);
  });
});
