import { existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../src/testing/start-server-process.js';

let proc: ServerProcess | undefined;
afterAll(() => proc?.stop());

/** Sends the head and half the body now; the rest when `finish` is called. */
function slowPost(url: string, key: string, body: string) {
  const u = new URL(`${url}/events/ingest`);
  let finish!: () => void;
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({
      host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { reply, finish: () => finish() };
}

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, refuses new ones and closes the database cleanly', async () => {
    proc = await startServerProcess();
    const p = proc;
    const events = Array.from({ length: 500 }, (_, i) => ({ event_id: `sd_${i}`, customer_id: 'c', event_name: 'n' }));
    const inflight = slowPost(p.url, p.apiKey, JSON.stringify({ events }));
    await new Promise((r) => setTimeout(r, 200));
    const exited = new Promise<number | null>((r) => p.child.once('exit', (code) => r(code)));
    p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    // A new connection is refused while the old request is still being read.
    await expect(fetch(`${p.url}/health`)).rejects.toThrow();
    inflight.finish();
    const reply = await inflight.reply;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).ingested_count).toBe(500);
    expect(await exited).toBe(0);
    // A clean close checkpoints the WAL into the database file.
    const wal = `${p.dbPath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  }, 30_000);
});
