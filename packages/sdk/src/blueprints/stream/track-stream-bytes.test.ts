import { describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { trackStreamBytes } from './track-stream-bytes.js';

describe('trackStreamBytes', () => {
  it('records bytes under the upstream key, after the metadata', async () => {
    const rec = new MemoryRecorder();
    await trackStreamBytes(rec, { customerId: 'c1', bytes: 1_048_576, metadata: { bytes: 1, kind: 'video' } });
    expect(rec.events[0]).toMatchObject({ customerId: 'c1', metadata: { kind: 'video', bytes: 1_048_576 } });
  });

  it('rejects negative or fractional byte counts, and passes recorder errors on', async () => {
    const rec = new MemoryRecorder();
    await expect(trackStreamBytes(rec, { customerId: 'c', bytes: -1 })).rejects.toThrow(RangeError);
    await expect(trackStreamBytes(rec, { customerId: 'c', bytes: 1.5 })).rejects.toThrow(RangeError);
    rec.failWith = new Error('down');
    await expect(trackStreamBytes(rec, { customerId: 'c', bytes: 1 })).rejects.toThrow('down');
  });
});
