import { describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { trackTimeRange } from './track-time-range.js';

describe('trackTimeRange', () => {
  it('records the given duration fields under upstream key names', async () => {
    const rec = new MemoryRecorder();
    await trackTimeRange(rec, { customerId: 'c1', durationSeconds: 90, metadata: { fn: 'resize' } });
    expect(rec.events).toEqual([
      { customerId: 'c1', eventName: undefined, eventId: undefined, timestamp: undefined, metadata: { fn: 'resize', durationSeconds: 90 } },
    ]);
  });

  it('turns a start/end pair into durationMs stamped at the end', async () => {
    const rec = new MemoryRecorder();
    const end = new Date('2025-01-01T10:00:02.500Z');
    await trackTimeRange(rec, { customerId: 'c1', startTime: new Date('2025-01-01T10:00:00Z'), endTime: end });
    expect(rec.metadata()).toEqual({ durationMs: 2500 });
    expect(rec.events[0]!.timestamp).toBe(end);
  });

  it('does not let metadata override the measured duration', async () => {
    const rec = new MemoryRecorder();
    await trackTimeRange(rec, { customerId: 'c1', durationMs: 5, metadata: { durationMs: 99_999 } });
    expect(rec.metadata().durationMs).toBe(5);
  });

  it('rejects half a range, both forms at once, and negative durations', async () => {
    const rec = new MemoryRecorder();
    await expect(trackTimeRange(rec, { customerId: 'c', startTime: 1 })).rejects.toThrow(/go together/);
    await expect(trackTimeRange(rec, { customerId: 'c', startTime: 1, endTime: 2, durationMs: 1 })).rejects.toThrow(/not both/);
    await expect(trackTimeRange(rec, { customerId: 'c', startTime: 5, endTime: 2 })).rejects.toThrow(/≥ 0/);
    expect(rec.events).toHaveLength(0);
  });

  it('lets the recorder error through (an explicit call)', async () => {
    const rec = new MemoryRecorder();
    rec.failWith = new Error('down');
    await expect(trackTimeRange(rec, { customerId: 'c', durationMs: 1 })).rejects.toThrow('down');
  });
});
