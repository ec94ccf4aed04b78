import type { Granularity } from '../meter-types.js';

// Stored as a small integer in every rollup key.
export const GRAN_CODE: Record<Granularity, number> = { minute: 0, hour: 1, day: 2 };
