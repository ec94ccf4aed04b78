import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../client/errors.js';
import type { WireEvent } from '../client/wire-event.js';
import { Spool } from './spool.js';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'tally-spool-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const ev = (i: number): WireEvent => ({ event_id: `e${i}`, customer_id: 'c', event_name: 'n', timestamp: '2025-01-01T00:00:00Z' });
const ids = (events: WireEvent[]) => events.map((e) => e.event_id);
/** What a crash leaves: files as they are, handles gone, a lock whose owner is dead. */
async function crash(s: Spool): Promise<void> {
  const inner = s as unknown as { chain: Promise<unknown>; eventsFh: FileHandle; acksFh: FileHandle; unlock: () => Promise<void> };
  await inner.chain;
  await inner.eventsFh.close();
  await inner.acksFh.close();
  await inner.unlock(); // forget it in this process; the lock file is rewritten below
  await writeFile(join(s.dir, 'lock'), '999999999');
}

describe('Spool', () => {
  it('recovers what was appended and not resolved, in order', async () => {
    const s = await Spool.open(dir);
    expect(s.recovered).toEqual([]);
    await s.append([ev(1), ev(2), ev(3)]);
    await s.append([ev(4)]);
    await s.resolve(['e2', 'e4']);
    expect(s.size).toBe(2);
    await s.close();
    const again = await Spool.open(dir);
    expect(ids(again.recovered)).toEqual(['e1', 'e3']);
    await again.close();
  });

  it('survives a crash with a torn last line', async () => {
    const s = await Spool.open(dir);
    await s.append([ev(1), ev(2)]);
    await s.resolve(['e1']);
    const events = (await readdir(dir)).find((n) => n.endsWith('.events'))!;
    await appendFile(join(dir, events), '{"event_id":"e3","custo');
    await crash(s);
    const again = await Spool.open(dir);
    expect(ids(again.recovered)).toEqual(['e2']);
    expect(again.skippedLines).toBe(1);
    // The torn line is gone for good: the next generation holds only e2.
    await again.append([ev(5)]);
    await again.close();
    const third = await Spool.open(dir);
    expect(ids(third.recovered)).toEqual(['e2', 'e5']);
    await third.close();
  });

  it('recovers exactly the whole lines before a crash cut the file anywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), async (n, cut) => {
      const d = await mkdtemp(join(tmpdir(), 'tally-spool-cut-'));
      try {
        const s = await Spool.open(d);
        const all = Array.from({ length: n }, (_, i) => ev(i));
        await s.append(all);
        const file = join(d, (await readdir(d)).find((f) => f.endsWith('.events'))!);
        const text = await readFile(file, 'utf8');
        const at = Math.floor(text.length * cut);
        await crash(s);
        await truncate(file, at);
        const whole = text.slice(0, at).split('\n').length - 1;
        const again = await Spool.open(d);
        expect(ids(again.recovered)).toEqual(ids(all.slice(0, whole)));
        await again.close();
      } finally {
        await rm(d, { recursive: true, force: true });
      }
    }), { numRuns: 30 });
  });

  it('compacts resolved events away and still recovers the rest', async () => {
    const s = await Spool.open(dir, { compactEvery: 10 });
    const all = Array.from({ length: 35 }, (_, i) => ev(i));
    await s.append(all);
    await s.resolve(ids(all.slice(0, 30)));
    const files = (await readdir(dir)).filter((n) => n.endsWith('.events'));
    expect(files).toHaveLength(1);
    const text = await readFile(join(dir, files[0]!), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(5);
    await crash(s);
    const again = await Spool.open(dir);
    expect(ids(again.recovered)).toEqual(ids(all.slice(30)));
    await again.close();
  });

  it('refuses a second live owner of the same directory', async () => {
    const s = await Spool.open(dir);
    await expect(Spool.open(dir)).rejects.toThrow(ConfigurationError);
    await expect(Spool.open(`${dir}/`)).rejects.toThrow(/already open/);
    await s.close();
    await (await Spool.open(dir)).close();
  });

  it('lets only one of two concurrent opens in one process win', async () => {
    const both = await Promise.allSettled([Spool.open(dir), Spool.open(dir)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const r of both) if (r.status === 'fulfilled') await r.value.close();
  });

  it('takes over a lock bearing its own PID that it does not hold (a restarted container)', async () => {
    await writeFile(join(dir, 'lock'), String(process.pid));
    await (await Spool.open(dir)).close();
  });

  it('writes dead letters durably beside the spool', async () => {
    const s = await Spool.open(dir);
    await s.writeDeadLetters([{ event: ev(1), reason: 'bad' }]);
    await s.close();
    const text = await readFile(join(dir, 'dead-letter.jsonl'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ event: { event_id: 'e1' }, reason: 'bad' });
  });
});
