import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { measure } from './measure.js';

describe('measure', () => {
  it('returns the result and records durationMs with error=false', async () => {
    const rec = new MemoryRecorder();
    const out = await measure(rec, { customerId: 'c1', metadata: { fn: 'thumb' } }, async () => {
      await sleep(20);
      return 42;
    });
    expect(out).toBe(42);
    const meta = rec.metadata();
    expect(meta).toMatchObject({ fn: 'thumb', error: false });
    expect(meta.durationMs).toBeGreaterThanOrEqual(15);
  });

  it('records with error=true and rethrows the same error', async () => {
    const rec = new MemoryRecorder();
    const boom = new Error('boom');
    await expect(measure(rec, { customerId: 'c1' }, () => { throw boom; })).rejects.toBe(boom);
    expect(rec.metadata()).toMatchObject({ error: true });
    expect(typeof rec.metadata().durationMs).toBe('number');
  });

  it('does not wait for the recorder, and its failure never changes the outcome', async () => {
    const rec = new MemoryRecorder();
    rec.gate = new Promise(() => {}); // never resolves
    await expect(measure(rec, { customerId: 'c' }, () => 'done')).resolves.toBe('done');

    const failing = new MemoryRecorder();
    failing.failWith = new Error('server down');
    const onError = vi.fn();
    await expect(measure(failing, { customerId: 'c', onError }, () => 'still fine')).resolves.toBe('still fine');
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(failing.failWith, expect.objectContaining({ customerId: 'c' })));
  });
});
