import { describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { createWebByteCounter } from './web-byte-counter.js';

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('createWebByteCounter (TransformStream)', () => {
  it('passes bytes through unchanged and reports every N bytes and the remainder', async () => {
    const rec = new MemoryRecorder();
    const counter = createWebByteCounter(rec, { customerId: 'c1', reportEveryBytes: 64, streamId: 's1' });
    const body = new Uint8Array(150).map((_, i) => i);
    const out = await collect(new Response(body).body!.pipeThrough(counter));
    await counter.settled();
    expect(out).toEqual(body);
    expect(rec.events.map((e) => [e.eventId, e.metadata?.bytes, e.metadata?.final])).toEqual([
      ['c1_stream_s1_0', 64, false],
      ['c1_stream_s1_1', 64, false],
      ['c1_stream_s1_2', 22, true],
    ]);
  });

  it('counts strings as UTF-8 bytes', async () => {
    const rec = new MemoryRecorder();
    const counter = createWebByteCounter<string>(rec, { customerId: 'c1' });
    const source = new ReadableStream<string>({ start(c) { c.enqueue('€uro'); c.close(); } });
    const reader = source.pipeThrough(counter).getReader();
    while (!(await reader.read()).done);
    await counter.settled();
    expect(rec.metadata()).toMatchObject({ bytes: 6, final: true });
  });

  it('reports what passed when the reader cancels', async () => {
    const rec = new MemoryRecorder();
    const counter = createWebByteCounter(rec, { customerId: 'c1' });
    const source = new ReadableStream<Uint8Array>({
      pull(c) { c.enqueue(new Uint8Array(10)); },
    });
    const reader = source.pipeThrough(counter).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel('viewer left');
    await counter.settled();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toMatchObject({ final: true, error: true });
    expect(rec.metadata().bytes).toBeGreaterThanOrEqual(20);
  });
});
