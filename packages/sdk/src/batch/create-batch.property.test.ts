import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startFakeServer, type Fault } from '../../test/fake-server.js';
import { Ingestion } from '../client/ingestion.js';
import { createBatch } from './create-batch.js';

// What the server may do to any one request.
const faultArb = fc.constantFrom<Fault | undefined>(
  undefined,
  undefined,
  { status: 500 },
  { status: 503, headers: { 'retry-after': '0' } },
  { status: 500, storeFirst: true },
  { status: 429 },
  { status: 200, hangUp: true },
  { status: 200, storeFirst: true, delayMs: 60 },
);

describe('createBatch under random faults, in the app\'s thread or handing over to a worker', () => {
  it('stores every event exactly once and its counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(faultArb, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 7 }),
        fc.boolean(),
        async (faults, events, maxSize, concurrency, badEvery, thread) => {
          const srv = await startFakeServer();
          srv.fault = (n) => faults[n - 1];
          try {
            const ingestion = new Ingestion({
              apiKey: srv.apiKey, baseURL: srv.url, eventName: 'e', timeoutMs: 40, maxRetries: 2, retryDelay: { baseMs: 1, maxMs: 5 },
              timeWindow: null, // let the server be the one to refuse the too-old events
            });
            const dead: string[] = [];
            const batch = createBatch(ingestion, {
              maxSize, maxConcurrentFlushes: concurrency, flushInterval: 10, requeueDelayMs: 1, thread,
              onDeadLetter: (letters) => dead.push(...letters.map((l) => l.event.event_id)),
            });
            const bad = (i: number) => badEvery > 0 && i % 8 === badEvery;
            const good: string[] = [];
            for (let i = 0; i < events; i++) {
              if (!bad(i)) good.push(`e${i}`);
              const timestamp = bad(i) ? Date.now() - 90 * 86_400_000 : undefined;
              expect(batch.add({ customerId: 'c', eventId: `e${i}`, timestamp })).toBe(true);
            }
            expect(await batch.cleanup({ timeoutMs: 20_000 })).toEqual({ delivered: true, remaining: 0 });
            expect([...srv.stored.keys()].sort()).toEqual(good.sort());
            expect(dead.length).toBe(events - good.length);
            const s = batch.stats();
            expect(s.acknowledged).toBe(good.length);
            expect(s.failed).toBe(events - good.length);
            expect(s.dropped + s.queued).toBe(0);
            // Every resend the server saw as a duplicate, and no more.
            const resent = [...srv.received.values()].reduce((a, n) => a + n - 1, 0);
            expect(s.duplicates).toBeLessThanOrEqual(resent);
            // A request that timed out before the server got to it is counted by the client only.
            expect(s.requests).toBeGreaterThanOrEqual(srv.requests);
          } finally {
            await srv.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
