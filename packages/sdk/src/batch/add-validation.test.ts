import { validateEvent } from '@tally/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startFakeServer } from '../../test/fake-server.js';
import { Ingestion } from '../client/ingestion.js';
import { buildWireEvent } from '../client/prepare-event.js';
import type { TrackEvent } from '../types.js';
import { createBatch } from './create-batch.js';
import type { DeadLetter } from './dead-letter.js';

// Valid and broken fields in every combination; timestamps around "now".
const eventArb: fc.Arbitrary<TrackEvent> = fc.record(
  {
    customerId: fc.oneof(fc.constant(''), fc.constant('c'.repeat(256)), fc.constant('cus_1')),
    eventId: fc.oneof(fc.constant(''), fc.constant('i'.repeat(256)), fc.uuid()),
    eventName: fc.oneof(fc.constant(''), fc.constant('api_call')),
    timestamp: fc.oneof(fc.constant('yesterday'), fc.constant(new Date(Number.NaN)), fc.integer({ min: -90, max: 90 }).map((days) => Date.now() + days * 86_400_000)),
    metadata: fc.dictionary(fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 4 })), fc.oneof(fc.string({ maxLength: 4 }), fc.constant('v'.repeat(501)), fc.double(), fc.boolean()), { maxKeys: 3 }),
  },
  { requiredKeys: ['customerId'] },
);

describe('batch.add(): the cheaper per-event path', () => {
  it('queues exactly the events the server rules accept, and dead-letters the rest', async () => {
    const srv = await startFakeServer();
    const ingestion = new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call' });
    const dead: DeadLetter[] = [];
    const batch = createBatch(ingestion, { flushInterval: 60_000, maxSize: 1000, maxQueueSize: 100_000, onDeadLetter: (l) => dead.push(...l) });
    let queued = 0;
    await fc.assert(
      fc.asyncProperty(eventArb, async (event) => {
        const ctx = { now: Date.now(), window: ingestion.config.timeWindow };
        const valid = validateEvent(buildWireEvent(event, { eventName: 'api_call', timeWindow: ctx.window, now: ctx.now }), 0, ctx, []) !== undefined;
        const before = dead.length;
        expect(batch.add(event)).toBe(valid);
        expect(dead.length - before).toBe(valid ? 0 : 1);
        if (valid) queued++;
      }),
      { numRuns: 500 },
    );
    await batch.flush();
    // The server took every event the batch let through (a repeated ID counts as a duplicate): nothing refused.
    expect(batch.stats()).toMatchObject({ acknowledged: queued, failed: dead.length });
    await batch.cleanup();
    await srv.close();
  });
});
