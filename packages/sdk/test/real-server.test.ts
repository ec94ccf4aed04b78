import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, startTestServer, type TestServer } from '@tally/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatch, Ingestion, type DeadLetter } from '../src/index.js';
import { runChild } from './child.js';
import { startFaultProxy, storedIds } from './fault-proxy.js';

let srv: TestServer;
beforeAll(async () => { srv = await startTestServer(); });
afterAll(async () => { await srv.close(); });

const ids = (customer: string, n: number) => Array.from({ length: n }, (_, i) => `${customer}-${i}`);
const sorted = (list: string[]) => [...list].sort();
const fastRetries = { retryDelay: { baseMs: 20, maxMs: 200 } };

describe('against the real server', () => {
  it('500s then recovery: nothing lost, nothing doubled', async () => {
    const proxy = await startFaultProxy(srv.url, (n) => (n === 1 || n === 3 ? 'fail' : n === 2 || n === 5 ? 'lose-answer' : 'pass'));
    const batch = createBatch(new Ingestion({ apiKey: srv.apiKey, baseURL: proxy.url, eventName: 'api_call', ...fastRetries }), {
      maxSize: 100, flushInterval: 60_000, maxConcurrentFlushes: 1, // one at a time: the fault order is then fixed
    });
    for (const id of ids('c500', 1000)) batch.add({ customerId: 'c500', eventId: id });
    expect(await batch.cleanup()).toEqual({ delivered: true, remaining: 0 });
    expect(sorted(await storedIds(srv.url, srv.apiKey, 'c500'))).toEqual(sorted(ids('c500', 1000)));
    // The two requests whose answers were lost were stored, resent and skipped as duplicates.
    expect(batch.stats()).toMatchObject({ acknowledged: 1000, duplicates: 200, retried: 4, failed: 0, requests: 14 });
    await proxy.close();
  });

  it('a 400 lands in the dead-letter callback and the good events are stored', async () => {
    const letters: DeadLetter[] = [];
    const ingestion = new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call', timeWindow: null });
    const batch = createBatch(ingestion, { onDeadLetter: (l) => letters.push(...l) });
    batch.add({ customerId: 'c400', eventId: 'good-1' });
    batch.add({ customerId: 'c400', eventId: 'too-old', timestamp: Date.now() - 90 * 86_400_000 });
    batch.add({ customerId: 'c400', eventId: 'good-2', metadata: { bytes: 10 } });
    batch.add({ customerId: 'c400', eventId: 'future', timestamp: Date.now() + 86_400_000 });
    await batch.cleanup();
    expect(sorted(await storedIds(srv.url, srv.apiKey, 'c400'))).toEqual(['good-1', 'good-2']);
    expect(letters.map((l) => [l.event.event_id, l.status, l.issues[0]?.field])).toEqual([
      ['too-old', 400, 'timestamp'], ['future', 400, 'timestamp'],
    ]);
    expect(letters[0]!.reason).toMatch(/\S/);
    expect(batch.stats()).toMatchObject({ failed: 2, acknowledged: 2 });
  });

  it('the server process SIGKILLed during a flush, then restarted', async () => {
    const p = await startServerProcess();
    try {
      const batch = createBatch(new Ingestion({ apiKey: p.apiKey, baseURL: p.url, eventName: 'api_call', maxRetries: 50, retryDelay: { baseMs: 50, maxMs: 250 } }), {
        maxSize: 100, maxConcurrentFlushes: 2, flushInterval: 60_000,
      });
      let restarted: Promise<void> | undefined;
      let acknowledgedAtKill = 0;
      batch.on('flush', () => {
        if (restarted) return;
        acknowledgedAtKill = batch.stats().acknowledged;
        restarted = p.kill('SIGKILL').then(() => p.restart());
      });
      for (const id of ids('ckill', 3000)) batch.add({ customerId: 'ckill', eventId: id });
      const result = await batch.cleanup({ timeoutMs: 45_000 });
      await restarted;
      expect(acknowledgedAtKill).toBeLessThan(3000);
      expect(result.delivered).toBe(true);
      expect(sorted(await storedIds(p.url, p.apiKey, 'ckill'))).toEqual(sorted(ids('ckill', 3000)));
      expect(batch.stats().retried).toBeGreaterThan(0);
      expect(batch.stats().acknowledged).toBe(3000);
    } finally {
      await p.stop();
    }
  }, 60_000);

  it('the client process killed with a spool: the next one sends what was left, once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tally-client-restart-'));
    // Request 1 is answered; request 2 is held until the client is dead, then
    // stored: the kill lands with events acknowledged, stored-but-unacknowledged and unsent.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let secondArrived!: () => void;
    const arrived = new Promise<void>((r) => { secondArrived = r; });
    const proxy = await startFaultProxy(srv.url, (n) => (n === 1 ? 'pass' : (secondArrived(), { until: held })));
    try {
      const first = runChild(['enqueue', proxy.url, srv.apiKey, dir, 'cspool', '400']);
      await first.waitFor((l) => l === 'enqueued');
      await arrived;
      first.proc.kill('SIGKILL');
      await first.exited;
      release();
      while (proxy.forwarded < 2) await new Promise((r) => setTimeout(r, 10));
      expect(first.lines.filter((l) => l.startsWith('flushed'))).toEqual(['flushed 50']);

      const second = runChild(['drain', srv.url, srv.apiKey, dir]);
      const report = JSON.parse(await second.waitFor((l) => l.startsWith('{')));
      expect(await second.exited).toBe(0);
      expect(report.queued).toBe(350);
      expect(report.result).toEqual({ delivered: true, remaining: 0 });
      expect(report.stats).toMatchObject({ acknowledged: 350, duplicates: 50, spooled: 0 });
      expect(sorted(await storedIds(srv.url, srv.apiKey, 'cspool'))).toEqual(sorted(ids('cspool', 400)));
    } finally {
      await proxy.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('timers never keep the process alive', async () => {
    const child = runChild(['idle', srv.url, srv.apiKey]);
    // The flush interval is 60 s: a ref'd timer would hold the child that long.
    const hung = new Promise((r) => setTimeout(r, 15_000, 'still running after 15 s'));
    try {
      expect(await Promise.race([child.exited, hung])).toBe(0);
    } finally {
      child.proc.kill('SIGKILL');
    }
    expect(child.lines).toContain('added');
  }, 20_000);
});
