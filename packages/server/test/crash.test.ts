import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../src/testing/start-server-process.js';

const BATCH = 250;
const SENDERS = 4;

function batch(sender: number, n: number) {
  return Array.from({ length: BATCH }, (_, i) => ({
    event_id: `crash_${sender}_${n}_${i}`,
    customer_id: `c${i % 7}`,
    event_name: 'api_call',
    metadata: { i },
  }));
}

async function post(p: ServerProcess, events: unknown[]) {
  const res = await fetch(`${p.url}/events/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${p.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return (await res.json()) as { ingested_count: number; duplicate_count: number };
}

let proc: ServerProcess | undefined;
afterAll(() => proc?.stop());

describe('crash safety', () => {
  it('loses no acknowledged event to SIGKILL, and a full retry creates no duplicates', async () => {
    proc = await startServerProcess();
    const p = proc;
    const sent: unknown[][] = [];
    const acked = new Set<number>();
    let stop = false;
    const sender = async (s: number) => {
      for (let n = 0; !stop; n++) {
        const events = batch(s, n);
        const idx = sent.push(events) - 1;
        try {
          await post(p, events);
          acked.add(idx);
        } catch {
          return; // the server died under us: this batch's fate is unknown
        }
      }
    };
    const running = Array.from({ length: SENDERS }, (_, s) => sender(s));
    // Kill in the middle of sustained ingest, once a good number are acknowledged.
    while (acked.size < 40) await new Promise((r) => setTimeout(r, 10));
    await p.kill('SIGKILL');
    stop = true;
    await Promise.all(running);
    expect(acked.size).toBeGreaterThanOrEqual(40);

    const db = new Database(p.dbPath, { readonly: true });
    const stored = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    const has = db.prepare('SELECT 1 FROM events WHERE event_id = ?');
    for (const idx of acked) {
      for (const e of sent[idx] as Array<{ event_id: string }>) {
        if (!has.get(e.event_id)) throw new Error(`acknowledged event ${e.event_id} was lost`);
      }
    }
    db.close();
    expect(stored.n).toBeGreaterThanOrEqual(acked.size * BATCH);

    await p.restart();
    let ingested = 0;
    let duplicates = 0;
    for (const [idx, events] of sent.entries()) {
      const r = await post(p, events);
      if (acked.has(idx)) expect(r).toEqual(expect.objectContaining({ ingested_count: 0, duplicate_count: BATCH }));
      ingested += r.ingested_count;
      duplicates += r.duplicate_count;
    }
    expect(ingested + duplicates).toBe(sent.length * BATCH);
    expect(duplicates).toBe(stored.n);

    const after = new Database(p.dbPath, { readonly: true });
    const total = (after.prepare('SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM events').get() as { n: number; d: number });
    after.close();
    expect(total).toEqual({ n: sent.length * BATCH, d: sent.length * BATCH });
  }, 60_000);
});
