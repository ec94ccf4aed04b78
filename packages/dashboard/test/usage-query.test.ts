import { describe, expect, it } from 'vitest';
import { fillWindows, rangeBounds, totalsByWindow } from '../src/pages/meter/usage-query';

const item = (customer_id: string, window_start: string, value: string) =>
  ({ customer_id, window_start, window_end: '', value });

describe('usage windows for the chart', () => {
  it('adds customers per window for count/sum and takes the highest otherwise', () => {
    const items = [item('a', '2026-01-01T01:00:00.000Z', '2'), item('b', '2026-01-01T01:00:00.000Z', '5'), item('a', '2026-01-01T00:00:00.000Z', '1')];
    expect(totalsByWindow(items, true).map((t) => [t.start.slice(11, 13), t.value])).toEqual([['00', 1], ['01', 7]]);
    expect(totalsByWindow(items, false).map((t) => t.value)).toEqual([1, 5]);
  });

  it('fills the windows without usage with zeros, aligned in the time zone', () => {
    const totals = totalsByWindow([item('a', '2026-03-01T10:00:00.000Z', '3')], true);
    const filled = fillWindows(totals, '2026-03-01T08:30:00.000Z', '2026-03-01T12:00:00.000Z', 'hour', 'UTC');
    // Clipped first window [08:30, 09:00), then whole hours.
    expect(filled.map((w) => [w.start.slice(11, 16), w.value])).toEqual([['08:30', 0], ['09:00', 0], ['10:00', 3], ['11:00', 0]]);
    const kolkata = fillWindows([], '2026-03-01T00:00:00.000Z', '2026-03-01T02:00:00.000Z', 'hour', 'Asia/Kolkata');
    expect(kolkata.map((w) => w.start.slice(11, 16))).toEqual(['00:00', '00:30', '01:30']);
  });

  it('falls back to the windows with usage when there are too many to draw or the zone is unknown', () => {
    const totals = [{ start: '2026-01-01T00:00:00.000Z', end: '', value: 1 }];
    expect(fillWindows(totals, '2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 'minute', 'UTC')).toBe(totals);
    expect(fillWindows(totals, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'hour', 'Mars/Base')).toBe(totals);
  });

  it('ends a preset range at the next whole minute, so events of this minute count', () => {
    const now = Date.parse('2026-05-05T10:20:30.000Z');
    expect(rangeBounds('24h', now)).toEqual({ start: '2026-05-04T10:21:00.000Z', end: '2026-05-05T10:21:00.000Z' });
    expect(rangeBounds('7d', Date.parse('2026-05-05T10:21:00.000Z')).end).toBe('2026-05-05T10:22:00.000Z');
  });
});
