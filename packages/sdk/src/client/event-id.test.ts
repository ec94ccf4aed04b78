import { describe, expect, it } from 'vitest';
import { deterministicEventId, randomEventId } from './event-id.js';
import { prepareEvent } from './prepare-event.js';

const ctx = { eventName: 'api_call', timeWindow: undefined, now: Date.parse('2025-03-01T12:00:00Z') };

describe('event IDs and preparation', () => {
  it('builds customerId_action_timestamp, the same for the same inputs', () => {
    const at = new Date('2025-03-01T12:00:00Z');
    expect(deterministicEventId('cus_1', 'upload', at)).toBe(`cus_1_upload_${at.getTime()}`);
    expect(deterministicEventId('cus_1', 'upload', at.getTime())).toBe(deterministicEventId('cus_1', 'upload', at));
    expect(deterministicEventId('c', 'a', '2025-03-01T12:00:00Z')).toBe('c_a_2025-03-01T12:00:00Z');
    expect(randomEventId()).not.toBe(randomEventId());
  });

  it('draws UUID-shaped IDs that never repeat, across several fresh UUIDs', () => {
    const ids = Array.from({ length: 3 * 4096 + 5 }, randomEventId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids.map((id) => id.slice(0, 33))).size).toBeGreaterThanOrEqual(3);
  });

  it('fixes the ID and timestamp once, normalising Dates and epoch ms', () => {
    const a = prepareEvent({ customerId: 'c' }, ctx);
    expect(a.timestamp).toBe('2025-03-01T12:00:00.000Z');
    expect(prepareEvent({ customerId: 'c', timestamp: 0 }, ctx).timestamp).toBe('1970-01-01T00:00:00.000Z');
    expect(prepareEvent({ customerId: 'c', eventId: 'x', eventName: 'other' }, ctx)).toMatchObject({ event_id: 'x', event_name: 'other' });
  });

  it('applies the server rules, including the time window when set', () => {
    expect(() => prepareEvent({ customerId: 'c', timestamp: new Date('nope') }, ctx)).toThrow(/timestamp/);
    expect(() => prepareEvent({ customerId: 'c', eventId: 'x'.repeat(256) }, ctx)).toThrow(/event_id/);
    expect(() => prepareEvent({ customerId: 'c', metadata: { k: 'v'.repeat(501) } }, ctx)).toThrow(/metadata.k/);
    const windowed = { ...ctx, timeWindow: { maxAgeMs: 1000, maxFutureMs: 1000 } };
    expect(() => prepareEvent({ customerId: 'c', timestamp: ctx.now - 5000 }, windowed)).toThrow(/older/);
  });
});
