import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../test/fake-server.js';
import { Ingestion } from '../client/ingestion.js';
import { createBatch as createInThread, QueueFullError } from './create-batch.js';
import type { DeadLetter } from './dead-letter.js';

let srv: FakeServer;
beforeEach(async () => { srv = await startFakeServer(); });
afterEach(async () => { await srv.close(); });

const client = (extra: object = {}) =>
  new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call', retryDelay: { baseMs: 5, maxMs: 20 }, ...extra });
const events = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ customerId: 'c', eventId: `e${from + i}` }));

// Every case runs twice: the batch in the app's thread, and handing over to a worker thread (thread: true).
describe.each([false, true])('thread: %s', (thread) => {
  const createBatch: typeof createInThread = (ingestion, options = {}) => createInThread(ingestion, { ...options, thread });

  describe('createBatch: batching', () => {
    it('carries maxSize events per request', async () => {
      const batch = createBatch(client(), { maxSize: 100, flushInterval: 60_000 });
      for (const e of events(250)) expect(batch.add(e)).toBe(true);
      await batch.flush();
      expect(srv.batchSizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
      expect(srv.stored.size).toBe(250);
      expect(batch.stats()).toMatchObject({ sent: 250, acknowledged: 250, requests: 3, queued: 0, failed: 0, dropped: 0 });
      await batch.cleanup();
    });

    it('caps a request at 1000 events whatever maxSize says', async () => {
      const batch = createBatch(client(), { maxSize: 5000, flushInterval: 60_000 });
      for (const e of events(1500)) batch.add(e);
      await batch.cleanup();
      expect(srv.batchSizes.sort((a, b) => b - a)).toEqual([1000, 500]);
    });

    it('flushes flushInterval after the OLDEST event, even while events keep coming', async () => {
      const batch = createBatch(client(), { maxSize: 1000, flushInterval: 200 });
      await batch.ready; // a worker thread takes a moment to start
      const first = new Promise<number>((resolve) => batch.on('flush', (r) => resolve(r.events)));
      const started = Date.now();
      batch.add(events(1)[0]!);
      const trickle = setInterval(() => batch.add({ customerId: 'c' }), 40);
      await srv.waitForRequests(1);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(400); // a debounce would wait for the trickle to stop
      expect(await first).toBeGreaterThan(1);
      clearInterval(trickle);
      await batch.cleanup();
    });

    it('never runs more than maxConcurrentFlushes requests at once', async () => {
      srv.fault = () => ({ status: 200, delayMs: 50, storeFirst: true });
      const batch = createBatch(client(), { maxSize: 10, maxConcurrentFlushes: 3, flushInterval: 60_000 });
      for (const e of events(100)) batch.add(e);
      await batch.flush();
      expect(srv.requests).toBe(10);
      expect(srv.peakActive).toBe(3);
      await batch.cleanup();
    });

    it('sends an ID repeated within a chunk in a later request, counted once', async () => {
      const batch = createBatch(client(), { flushInterval: 60_000 });
      batch.add({ customerId: 'c', eventId: 'same' });
      batch.add({ customerId: 'c', eventId: 'same' });
      batch.add({ customerId: 'c', eventId: 'other' });
      await batch.flush();
      expect(srv.batchSizes).toEqual([2, 1]);
      expect(batch.stats()).toMatchObject({ acknowledged: 3, duplicates: 1 });
      await batch.cleanup();
    });
  });

  describe('createBatch: a full queue', () => {
    it("'reject' refuses new events, counts them and calls onDrop", async () => {
      srv.fault = () => ({ status: 200, hangUp: false, delayMs: 200, storeFirst: true });
      const drops: string[] = [];
      const batch = createBatch(client(), { maxSize: 5, maxQueueSize: 5, flushInterval: 60_000, onDrop: (_e, why) => drops.push(why) });
      for (const e of events(5)) expect(batch.add(e)).toBe(true);
      expect(batch.add({ customerId: 'c' })).toBe(false);
      await expect(batch.track({ customerId: 'c' })).rejects.toThrow(QueueFullError);
      expect(drops).toEqual(['queue-full', 'queue-full']);
      expect(batch.stats()).toMatchObject({ dropped: 2, queued: 5 });
      await batch.cleanup();
      expect(srv.stored.size).toBe(5);
    });

    it("'wait' makes track() wait for room instead", async () => {
      srv.fault = () => ({ status: 200, delayMs: 100, storeFirst: true });
      const batch = createBatch(client(), { maxSize: 5, maxQueueSize: 5, flushInterval: 60_000, onFull: 'wait' });
      for (const e of events(5)) await batch.track(e);
      let admitted = false;
      const sixth = batch.track({ customerId: 'c', eventId: 'e5' }).then(() => { admitted = true; });
      await srv.waitForRequests(1);
      expect(admitted).toBe(false);
      await sixth;
      await batch.cleanup();
      expect(srv.stored.size).toBe(6);
      expect(batch.stats().dropped).toBe(0);
    });
  });

  describe('createBatch: failures', () => {
    it('dead-letters the events a 400 names and delivers the rest', async () => {
      const letters: DeadLetter[] = [];
      const batch = createBatch(client({ timeWindow: null }), { flushInterval: 60_000, onDeadLetter: (l) => letters.push(...l) });
      batch.add({ customerId: 'c', eventId: 'good1' });
      batch.add({ customerId: 'c', eventId: 'old', timestamp: Date.now() - 100 * 86_400_000 });
      batch.add({ customerId: 'c', eventId: 'good2' });
      await batch.flush();
      expect([...srv.stored.keys()].sort()).toEqual(['good1', 'good2']);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ event: { event_id: 'old' }, status: 400, code: 'VALIDATION_ERROR', issues: [{ index: 1, field: 'timestamp' }] });
      expect(letters[0]!.reason).toMatch(/^timestamp is older than/);
      expect(batch.stats()).toMatchObject({ failed: 1, acknowledged: 2 });
      await batch.cleanup();
    });

    it('dead-letters a whole chunk on other 4xx, with the server reason', async () => {
      const letters: DeadLetter[] = [];
      const errors: boolean[] = [];
      const batch = createBatch(client({ apiKey: 'revoked' }), {
        flushInterval: 60_000, onDeadLetter: (l) => letters.push(...l), onError: (_e, i) => errors.push(i.willRetry),
      });
      for (const e of events(3)) batch.add(e);
      await batch.flush();
      expect(letters.map((l) => [l.event.event_id, l.status, l.reason])).toEqual([
        ['e0', 401, 'bad key'], ['e1', 401, 'bad key'], ['e2', 401, 'bad key'],
      ]);
      expect(errors).toEqual([false]);
      expect(srv.requests).toBe(1);
      await batch.cleanup();
    });

    it('dead-letters invalid events at add() instead of throwing', async () => {
      const letters: DeadLetter[] = [];
      const batch = createBatch(client(), { onDeadLetter: (l) => letters.push(...l) });
      expect(batch.add({ customerId: '' })).toBe(false);
      expect(letters[0]).toMatchObject({ status: undefined, issues: [{ field: 'customer_id' }] });
      await expect(batch.track({ customerId: '' })).rejects.toThrow(/customer_id/);
      await batch.cleanup();
    });

    it('halves a request the server finds too large', async () => {
      srv.fault = (_n, evs) => (evs.length > 30 ? { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'too big' } } : undefined);
      const batch = createBatch(client(), { maxSize: 100, flushInterval: 60_000 });
      for (const e of events(100)) batch.add(e);
      await batch.flush();
      expect(srv.stored.size).toBe(100);
      expect(batch.stats().failed).toBe(0);
      await batch.cleanup();
    });

    it('survives 500s: nothing lost, nothing doubled, retries counted', async () => {
      srv.fault = (n) => (n <= 4 ? { status: n % 2 ? 500 : 503, storeFirst: n === 2 } : undefined);
      const batch = createBatch(client(), { maxSize: 50, flushInterval: 60_000, maxConcurrentFlushes: 1 });
      for (const e of events(200)) batch.add(e);
      await batch.flush();
      expect(srv.stored.size).toBe(200);
      const s = batch.stats();
      expect(s.retried).toBe(4);
      expect(s.acknowledged).toBe(200);
      expect(s.duplicates).toBe(50); // the chunk stored before its 503 was skipped on resend
      await batch.cleanup();
    });

    it('keeps events queued when failures outlast the retries, and delivers them later', async () => {
      let down = true;
      srv.fault = () => (down ? { status: 503 } : undefined);
      const errors: boolean[] = [];
      const batch = createBatch(client({ maxRetries: 1 }), { flushInterval: 60_000, requeueDelayMs: 20, onError: (_e, i) => errors.push(i.willRetry) });
      for (const e of events(10)) batch.add(e);
      await expect(batch.flush()).rejects.toThrow(/503/);
      expect(batch.stats()).toMatchObject({ queued: 10, failed: 0, requests: 2 });
      expect(errors).toEqual([true]);
      await new Promise((r) => setTimeout(r, 10)); // well inside the 20 ms pause: nothing is resent yet
      expect(batch.stats().requests).toBe(2);
      down = false;
      const delivered = new Promise<void>((resolve) => batch.on('flush', () => resolve()));
      await delivered; // the backoff timer retries on its own
      expect(srv.stored.size).toBe(10);
      expect((await batch.cleanup()).delivered).toBe(true);
    });

    it('cleanup() gives up at its deadline and dead-letters what is left (no spool)', async () => {
      srv.fault = () => ({ status: 200, delayMs: 5000 });
      const letters: DeadLetter[] = [];
      const batch = createBatch(client({ timeoutMs: 10_000 }), { onDeadLetter: (l) => letters.push(...l) });
      for (const e of events(4)) batch.add(e);
      const started = Date.now();
      const result = await batch.cleanup({ timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result).toEqual({ delivered: false, remaining: 4 });
      expect(letters.map((l) => l.reason)).toEqual(Array(4).fill('undelivered when cleanup() reached its deadline'));
      expect(batch.add({ customerId: 'c' })).toBe(false);
    });
  });
});
