import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { createByteCounter } from './node-byte-counter.js';

function sink(into: Buffer[]) {
  return new Writable({ write(chunk, _enc, cb) { into.push(chunk as Buffer); cb(); } });
}

const bytesOf = (rec: MemoryRecorder) => rec.events.map((e) => e.metadata?.bytes);

describe('createByteCounter (Node Transform)', () => {
  it('passes data through unchanged and reports the total once at the end', async () => {
    const rec = new MemoryRecorder();
    const counter = createByteCounter(rec, { customerId: 'c1', metadata: { asset: 'movie.mp4' } });
    const out: Buffer[] = [];
    await pipeline(Readable.from([Buffer.from('héllo '), 'wörld']), counter, sink(out));
    await counter.settled();
    expect(Buffer.concat(out).toString()).toBe('héllo wörld');
    expect(counter.bytes).toBe(Buffer.byteLength('héllo wörld'));
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toEqual({ asset: 'movie.mp4', bytes: 13, part: 0, final: true });
  });

  it('reports exact slices every N bytes and only the remainder at the end, whatever the chunking', async () => {
    const run = async (chunks: number[]) => {
      const rec = new MemoryRecorder();
      const counter = createByteCounter(rec, { customerId: 'c1', reportEveryBytes: 1000, streamId: 'upload-42' });
      await pipeline(Readable.from(chunks.map((n) => Buffer.alloc(n))), counter, sink([]));
      await counter.settled();
      return rec;
    };
    const a = await run([300, 2200, 10, 40]);
    const b = await run([2550]);
    expect(bytesOf(a)).toEqual([1000, 1000, 550]);
    expect(a.events.map((e) => e.metadata?.final)).toEqual([false, false, true]);
    // Same stream, same IDs and amounts: a resend is deduplicated by the server.
    expect(a.events.map((e) => [e.eventId, e.metadata?.bytes])).toEqual(b.events.map((e) => [e.eventId, e.metadata?.bytes]));
    expect(a.events[0]!.eventId).toBe('c1_stream_upload-42_0');
  });

  it('sends no empty final report when the total is an exact multiple', async () => {
    const rec = new MemoryRecorder();
    const counter = createByteCounter(rec, { customerId: 'c1', reportEveryBytes: 100 });
    await pipeline(Readable.from([Buffer.alloc(200)]), counter, sink([]));
    await counter.settled();
    expect(bytesOf(rec)).toEqual([100, 100]);
  });

  it('reports what passed, flagged error, when the stream fails', async () => {
    const rec = new MemoryRecorder();
    const counter = createByteCounter(rec, { customerId: 'c1', reportEveryBytes: 100 });
    const source = new Readable({ read() {} });
    const done = pipeline(source, counter, sink([]));
    source.push(Buffer.alloc(250));
    await new Promise((r) => setImmediate(r));
    source.destroy(new Error('client went away'));
    await expect(done).rejects.toThrow('client went away');
    await counter.settled();
    expect(bytesOf(rec)).toEqual([100, 100, 50]);
    expect(rec.metadata()).toMatchObject({ final: true, error: true });
  });

  it('keeps streaming when recording fails', async () => {
    const rec = new MemoryRecorder();
    rec.failWith = new Error('tally down');
    const errors: unknown[] = [];
    const counter = createByteCounter(rec, { customerId: 'c1', reportEveryBytes: 10, onError: (e) => errors.push(e) });
    const out: Buffer[] = [];
    await pipeline(Readable.from([Buffer.alloc(35)]), counter, sink(out));
    await counter.settled();
    expect(Buffer.concat(out)).toHaveLength(35);
    expect(errors).toHaveLength(4);
  });
});
