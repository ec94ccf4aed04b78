import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../../test/fake-server.js';
import { ConfigurationError, InternalServerError, RateLimitError } from '../../client/errors.js';
import { Ingestion } from '../../client/ingestion.js';
import { createBatch } from '../create-batch.js';

// What only the threaded batch has to get right; the shared behaviour runs in create-batch.test.ts.
let srv: FakeServer;
beforeEach(async () => { srv = await startFakeServer(); });
afterEach(async () => { await srv.close(); });

describe('createBatch({ thread: true })', () => {
  it('refuses an Ingestion with a custom fetch, which cannot reach the worker', () => {
    const ingestion = new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, fetch: (...a) => fetch(...a) });
    expect(() => createBatch(ingestion, { thread: true })).toThrow(ConfigurationError);
  });

  it("hands the worker's errors to the app's hooks as the SDK's own classes, and calls the Ingestion's onRetry", async () => {
    srv.fault = (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '0' } } : n === 2 ? { status: 503 } : undefined);
    const ingestionRetries: number[] = [];
    const ingestion = new Ingestion({
      apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call', maxRetries: 3, retryDelay: { baseMs: 1, maxMs: 5 },
      onRetry: (info) => ingestionRetries.push(info.attempt),
    });
    const retries: unknown[] = [];
    const batch = createBatch(ingestion, { thread: true, flushInterval: 60_000, onRetry: (info) => retries.push(info.error) });
    batch.add({ customerId: 'c', eventId: 'e1' });
    await batch.flush();
    expect(retries).toHaveLength(2);
    expect(retries[0]).toBeInstanceOf(RateLimitError);
    expect(retries[1]).toBeInstanceOf(InternalServerError);
    expect((retries[1] as InternalServerError).status).toBe(503);
    expect(ingestionRetries).toEqual([1, 2]);
    expect(srv.stored.has('e1')).toBe(true);
    expect(batch.stats()).toMatchObject({ acknowledged: 1, retried: 2, requests: 3 });
    await batch.cleanup();
  });

  it('refuses events once cleaned up, and counts them as dropped', async () => {
    const drops: string[] = [];
    const batch = createBatch(new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call' }), { thread: true, onDrop: (_e, why) => drops.push(why) });
    batch.add({ customerId: 'c', eventId: 'kept' });
    expect(await batch.cleanup()).toEqual({ delivered: true, remaining: 0 });
    expect(batch.add({ customerId: 'c' })).toBe(false);
    await expect(batch.track({ customerId: 'c' })).rejects.toThrow(/closed/);
    expect(drops).toEqual(['closed', 'closed']);
    expect(batch.stats()).toMatchObject({ acknowledged: 1, dropped: 2 });
    expect([...srv.stored.keys()]).toEqual(['kept']);
  });
});
