import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../test/fake-server.js';
import { Ingestion } from '../client/ingestion.js';
import { createBatch as createInThread } from './create-batch.js';
import type { DeadLetter } from './dead-letter.js';

let srv: FakeServer;
let dir: string;
beforeEach(async () => {
  srv = await startFakeServer();
  dir = await mkdtemp(join(tmpdir(), 'tally-batch-spool-'));
});
afterEach(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

const client = () => new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call', maxRetries: 0 });

// Every case runs twice: the batch in the app's thread, and handing over to a worker thread (thread: true).
describe.each([false, true])('thread: %s', (thread) => {
  const createBatch: typeof createInThread = (ingestion, options = {}) => createInThread(ingestion, { ...options, thread });

  describe('createBatch with a spool', () => {
    it('keeps unacknowledged events across a restart and sends them once', async () => {
      // The server stores every request but its answers are lost: the worst case for doubles.
      srv.fault = () => ({ status: 503, storeFirst: true });
      const first = createBatch(client(), { spoolDir: dir, flushInterval: 60_000, requeueDelayMs: 10_000 });
      for (let i = 0; i < 20; i++) await first.track({ customerId: 'c', eventId: `e${i}` });
      expect(first.stats().spooled).toBe(20);
      const result = await first.cleanup({ timeoutMs: 200 });
      expect(result).toEqual({ delivered: false, remaining: 20 });
      expect(first.stats().failed).toBe(0);

      srv.fault = undefined;
      const second = createBatch(client(), { spoolDir: dir, flushInterval: 60_000 });
      await second.ready;
      expect(second.stats()).toMatchObject({ queued: 20, spooled: 20 });
      await second.flush();
      expect(second.stats()).toMatchObject({ acknowledged: 20, duplicates: 20, spooled: 0 });
      expect(srv.stored.size).toBe(20);
      await second.cleanup();

      const third = createBatch(client(), { spoolDir: dir });
      await third.ready;
      expect(third.stats().queued).toBe(0);
      await third.cleanup();
    });

    it('sends recovered events at start without waiting for new ones', async () => {
      srv.fault = () => ({ status: 503 });
      const first = createBatch(client(), { spoolDir: dir, flushInterval: 60_000 });
      await first.track({ customerId: 'c', eventId: 'x' });
      await first.cleanup({ timeoutMs: 100 });
      srv.fault = undefined;
      const second = createBatch(client(), { spoolDir: dir, flushInterval: 60_000 });
      await new Promise<void>((resolve) => second.on('flush', () => resolve()));
      expect([...srv.stored.keys()]).toEqual(['x']);
      await second.cleanup();
    });

    it('records dead letters in the spool directory, not to be resent', async () => {
      const letters: DeadLetter[] = [];
      const batch = createBatch(new Ingestion({ apiKey: 'bad', baseURL: srv.url, eventName: 'n' }), {
        spoolDir: dir, onDeadLetter: (l) => letters.push(...l),
      });
      await batch.track({ customerId: 'c', eventId: 'refused' });
      await batch.flush();
      await batch.cleanup();
      expect(letters).toHaveLength(1);
      const line = JSON.parse(await readFile(join(dir, 'dead-letter.jsonl'), 'utf8'));
      expect(line).toMatchObject({ event: { event_id: 'refused' }, status: 401 });
      const again = createBatch(client(), { spoolDir: dir });
      await again.ready;
      expect(again.stats().queued).toBe(0);
      await again.cleanup();
    });
  });
});
