import type { RollupRules } from '../store/rollup-rules.js';
import { apiCallDeltas } from './analytics/api-call-deltas.js';
import { deltasForMeter } from './meter-deltas.js';

/** The rules every store is given to turn events into rollup deltas. */
export const ROLLUP_RULES: RollupRules = { meterDeltas: deltasForMeter, apiCalls: apiCallDeltas };
