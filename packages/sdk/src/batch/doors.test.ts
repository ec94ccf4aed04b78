import { describe, expect, it } from 'vitest';
import { startFakeServer } from '../../test/fake-server.js';
import { Ingestion } from '../client/ingestion.js';
import { createCallTracker } from '../middleware/core/call-tracker.js';
import { ADD_CALL, takesCalls } from './doors.js';
import { createBatch } from './create-batch.js';
import type { DeadLetter } from './dead-letter.js';

async function setup(eventName: string | undefined, thread: boolean) {
  const srv = await startFakeServer();
  const dead: DeadLetter[] = [];
  const batch = createBatch(new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName }), { flushInterval: 60_000, thread, onDeadLetter: (l) => dead.push(...l) });
  return { srv, batch, dead, done: async () => (await batch.cleanup(), await srv.close()) };
}

const call = { endpoint: '/a/:id', method: 'GET', statusCode: 200, requestBytes: 0, responseBytes: 2 };

// In the app's thread, and on the app's side of a threaded batch, which hands the calls to its worker as plain values.
describe.each([false, true])('the API-call door of a batch (thread: %s)', (thread) => {
  it('queues the same wire event add() would, which the server stores', async () => {
    const { srv, batch, done } = await setup('api_call', thread);
    expect(takesCalls(batch)).toBe(true);
    expect(batch[ADD_CALL]('cus_1', undefined, call, 1.25)).toBe(true);
    expect(batch[ADD_CALL]('cus_1', undefined, { ...call, requestBytes: undefined, aborted: true }, 3)).toBe(true);
    const metadata = { endpoint: '/a/:id', method: 'GET', status_code: 200, response_time_ms: 1.25, request_bytes: 0, response_bytes: 2 };
    expect(batch.add({ customerId: 'cus_1', metadata })).toBe(true);
    await batch.flush();
    // A threaded batch keeps arrival order within each kind of event, not across them.
    const stored = [...srv.stored.values()];
    const [fast, slow] = stored.filter((e) => e.metadata?.response_time_ms === 1.25);
    const aborted = stored.find((e) => e.metadata?.aborted);
    expect(Object.keys(fast!)).toEqual(Object.keys(slow!));
    expect({ ...fast, event_id: 0, timestamp: 0 }).toEqual({ ...slow, event_id: 0, timestamp: 0 });
    expect(fast!.event_id).not.toBe(slow!.event_id);
    expect(aborted!.metadata).toEqual({ endpoint: '/a/:id', method: 'GET', status_code: 200, response_time_ms: 3, response_bytes: 2, aborted: true });
    await done();
  });

  it('still checks the customer ID and the event name, refusing through add() with the reasons', async () => {
    const { batch, dead, done } = await setup(undefined, thread);
    expect(batch[ADD_CALL]('cus_1', undefined, call, 1)).toBe(false);
    expect(batch[ADD_CALL]('c'.repeat(256), 'api_call', call, 1)).toBe(false);
    expect(batch[ADD_CALL]('', 'api_call', call, 1)).toBe(false);
    expect(dead.map((l) => l.issues[0]?.field)).toEqual(['event_name', 'customer_id', 'customer_id']);
    expect(batch.stats()).toMatchObject({ queued: 0, failed: 3 });
    await done();
  });

  it('is taken by the API-call tracker only for its own, fitting metadata; the rest goes through add()', async () => {
    const { srv, batch, dead, done } = await setup('api_call', thread);
    const calls: unknown[] = [];
    const door = batch[ADD_CALL].bind(batch);
    batch[ADD_CALL] = (...args) => (calls.push(args), door(...args));
    const facts = { endpoint: '/x', method: 'GET', statusCode: 200, startedAt: performance.now(), requestBytes: 0, responseBytes: 2 };
    createCallTracker({ recorder: batch, customerId: () => 'cus_1' }).record({}, facts);
    createCallTracker({ recorder: batch, customerId: () => 'cus_1', metadata: () => ({ bad: 'v'.repeat(501) }) }).record({}, facts);
    // Facts no rule allows (an app left a status that is not a number): checked whole, not waved through.
    createCallTracker({ recorder: batch, customerId: () => 'cus_1' }).record({}, { ...facts, statusCode: Number.NaN });
    expect(calls).toHaveLength(1);
    expect(dead.map((l) => l.issues[0]?.field)).toEqual(['metadata.bad', 'metadata.status_code']);
    await batch.flush();
    expect(srv.stored.size).toBe(1);
    await done();
  });
});
