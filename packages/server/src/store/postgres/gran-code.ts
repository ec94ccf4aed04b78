import type { Granularity } from '../meter-types.js';

// Stored as a small integer in every rollup key (the same codes as SQLite's).
export const GRAN_CODE: Record<Granularity, number> = { minute: 0, hour: 1, day: 2 };
export const GRAN_OF: Record<number, Granularity> = { 0: 'minute', 1: 'hour', 2: 'day' };
