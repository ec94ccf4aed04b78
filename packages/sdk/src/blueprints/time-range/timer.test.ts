import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { startTimer } from './timer.js';

describe('startTimer', () => {
  it('records the elapsed time once, with sub-millisecond resolution', async () => {
    const rec = new MemoryRecorder();
    const timer = startTimer(rec, { customerId: 'c1', metadata: { job: 'x' } });
    await sleep(30);
    expect(timer.elapsedMs()).toBeGreaterThanOrEqual(25);
    const first = await timer.stop({ status: 'ok' });
    const again = await timer.stop();
    expect(again).toBe(first);
    expect(rec.events).toHaveLength(1);
    expect(first.durationMs).toBeGreaterThanOrEqual(25);
    expect(first.durationMs).toBeLessThan(1000);
    expect(rec.metadata()).toEqual({ job: 'x', status: 'ok', durationMs: first.durationMs });
    expect(rec.events[0]!.timestamp).toBe(first.endedAt);
    expect(first.endedAt.getTime()).toBeGreaterThanOrEqual(first.startedAt.getTime());
  });

  it('does not use whole milliseconds only', async () => {
    const rec = new MemoryRecorder();
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await startTimer(rec, { customerId: 'c' }).stop()).durationMs);
    expect(results.some((d) => !Number.isInteger(d))).toBe(true);
  });
});
