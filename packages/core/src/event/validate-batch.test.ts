import { describe, expect, it } from 'vitest';
import { validateBatch } from './validate-batch.js';

const now = Date.UTC(2025, 5, 1, 12);
const window = { maxAgeMs: 86_400_000, maxFutureMs: 300_000 };
const ev = (over: Record<string, unknown> = {}) => ({ event_id: 'e1', customer_id: 'c', event_name: 'n', ...over });

describe('validateBatch', () => {
  it('normalises valid events, defaulting the timestamp to now', () => {
    const r = validateBatch({ events: [ev({ metadata: { a: 1, b: 'x', c: true } }), ev({ event_id: 'e2', timestamp: '2025-06-01T11:00:00Z', metadata: null })] }, { now, window });
    expect(r).toEqual({
      ok: true,
      events: [
        { eventId: 'e1', customerId: 'c', eventName: 'n', timestamp: now, metadata: { a: 1, b: 'x', c: true } },
        { eventId: 'e2', customerId: 'c', eventName: 'n', timestamp: Date.UTC(2025, 5, 1, 11), metadata: null },
      ],
    });
  });

  it('reports every problem of every event, by index, event_id and field', () => {
    const r = validateBatch({ events: [ev(), ev({ event_id: 'e2', extra: 1, metadata: { o: {} } }), 'nope', ev({ event_id: 5 })] }, { now, window });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { index: 1, event_id: 'e2', field: 'extra', message: 'is not a known event field' },
      { index: 1, event_id: 'e2', field: 'metadata.o', message: expect.stringMatching(/objects and arrays/) },
      { index: 2, field: '', message: 'each event must be an object' },
      { index: 3, field: 'event_id', message: 'must be a string' },
    ]);
    expect(r.message).toBe('3 of 4 events are invalid; nothing was stored');
  });

  it('judges timestamps against the window only when one is given', () => {
    const old = ev({ timestamp: '2020-01-01T00:00:00Z' });
    expect(validateBatch({ events: [old] }, { now, window }).ok).toBe(false);
    expect(validateBatch({ events: [old] }, { now }).ok).toBe(true);
    const soon = ev({ timestamp: '2025-06-01T12:04:59Z' });
    const late = ev({ event_id: 'e9', timestamp: '2025-06-01T12:05:01Z' });
    const r = validateBatch({ events: [soon, late] }, { now, window });
    expect(r.ok === false && r.issues.map((i) => i.index)).toEqual([1]);
  });

  it('refuses repeated event_ids, empty and oversized batches, and non-object bodies', () => {
    const dup = validateBatch({ events: [ev(), ev({ customer_id: 'd' })] }, { now });
    expect(dup.ok === false && dup.issues[0]).toMatchObject({ index: 1, event_id: 'e1', message: expect.stringMatching(/event 0/) });
    expect(validateBatch({ events: [] }, { now }).ok).toBe(false);
    expect(validateBatch({ events: Array.from({ length: 1001 }, (_, i) => ev({ event_id: `x${i}` })) }, { now }).ok).toBe(false);
    for (const body of [null, [], 'x', { events: 'x' }, {}]) expect(validateBatch(body, { now }).ok).toBe(false);
  });
});
