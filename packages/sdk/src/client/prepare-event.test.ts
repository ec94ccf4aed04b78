import { validateEvent, type EventIssue } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWireEvent, toWireEvent } from './prepare-event.js';

const ctxAt = (now: number) => ({ eventName: 'api_call', timeWindow: { maxAgeMs: 1000, maxFutureMs: 1000 }, now });
// The clock of any plausible machine, fractions of a millisecond included.
const clockArb = fc.double({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z'), noNaN: true });

describe('toWireEvent', () => {
  it('stamps events without a timestamp with the clock, exactly as toISOString() would', () => {
    fc.assert(
      fc.property(clockArb, (now) => {
        expect(toWireEvent({ customerId: 'c' }, ctxAt(now))!.timestamp).toBe(new Date(now).toISOString());
      }),
      { numRuns: 2000 },
    );
    // Within one millisecond, and across a second's edge.
    for (const now of [1_700_000_000_999.2, 1_700_000_000_999.9, 1_700_000_001_000, 1_700_000_001_000.5, 1_699_999_999_999]) {
      expect(toWireEvent({ customerId: 'c' }, ctxAt(now))!.timestamp).toBe(new Date(now).toISOString());
    }
  });

  it('sets the clock timestamp only after the rules ran, yet every event it returns passes them whole', () => {
    const metadataArb = fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(Number.NaN)), { maxKeys: 3 });
    const eventArb = fc.record(
      {
        customerId: fc.oneof(fc.constant(''), fc.constant('x'.repeat(256)), fc.string({ minLength: 1, maxLength: 5 })),
        eventId: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 5 })),
        eventName: fc.oneof(fc.constant(''), fc.constant('api_call')),
        timestamp: fc.oneof(fc.constant('not a time'), fc.integer({ min: -5000, max: 5000 }).map((d) => 1_700_000_000_000 + d)),
        metadata: metadataArb,
      },
      { requiredKeys: ['customerId'] },
    );
    fc.assert(
      fc.property(eventArb, (event) => {
        const ctx = ctxAt(1_700_000_000_000);
        const issues: EventIssue[] = [];
        const wire = toWireEvent(event, ctx, 0, issues);
        // The same event checked whole, its timestamp included, as the server will.
        const whole: EventIssue[] = [];
        const valid = validateEvent(buildWireEvent(event, ctx), 0, { now: ctx.now, window: ctx.timeWindow }, whole);
        expect(wire !== undefined).toBe(valid !== undefined);
        if (wire) expect(validateEvent(wire, 0, { now: ctx.now, window: ctx.timeWindow }, [])).toBeDefined();
        else expect(issues.map((i) => i.field)).toEqual(whole.filter((i) => i.field !== 'event_id' || event.eventId !== undefined).map((i) => i.field));
      }),
      { numRuns: 1000 },
    );
  });
});
