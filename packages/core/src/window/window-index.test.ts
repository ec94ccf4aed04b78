import { describe, expect, it } from 'vitest';
import { windowIndex } from './window-index.js';

describe('windowIndex', () => {
  const windows = [{ start: 0, end: 10 }, { start: 10, end: 25 }, { start: 30, end: 31 }];
  it.each([[0, 0], [9, 0], [10, 1], [24, 1], [25, -1], [29, -1], [30, 2], [31, -1], [-1, -1]])('finds %i in window %i', (ts, i) => {
    expect(windowIndex(windows, ts)).toBe(i);
  });
  it('finds nothing in no windows', () => expect(windowIndex([], 5)).toBe(-1));
});
