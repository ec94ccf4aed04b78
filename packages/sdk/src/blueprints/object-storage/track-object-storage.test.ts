import { describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { trackObjectStorage } from './track-object-storage.js';

describe('trackObjectStorage', () => {
  it('records bytes, bucket, key and operation after the caller metadata', async () => {
    const rec = new MemoryRecorder();
    await trackObjectStorage(rec, { customerId: 'c1', bytes: 2048, bucket: 'b', key: 'k', operation: 'upload', metadata: { bytes: 0, region: 'eu' } });
    expect(rec.events[0]).toMatchObject({ customerId: 'c1', metadata: { region: 'eu', bytes: 2048, bucket: 'b', key: 'k', operation: 'upload' } });
  });

  it('rejects impossible sizes and passes recorder errors on', async () => {
    const rec = new MemoryRecorder();
    await expect(trackObjectStorage(rec, { customerId: 'c', bytes: Number.NaN })).rejects.toThrow(RangeError);
    rec.failWith = new Error('down');
    await expect(trackObjectStorage(rec, { customerId: 'c', bytes: 1 })).rejects.toThrow('down');
  });
});
