import type { RollupRules } from '../store/rollup-rules.js';
import { apiCallDeltas } from './analytics/api-call-deltas.js';
import { deltasFor } from './meter-deltas.js';

/** The rules every store is given to turn events into rollup deltas. */
export const ROLLUP_RULES: RollupRules = { deltas: deltasFor, apiCalls: apiCallDeltas };
