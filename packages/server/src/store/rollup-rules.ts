import type { ValidEvent } from '@tally/core';
import type { ApiCallDelta } from './analytics-types.js';
import type { Meter, MeterDeltas } from './meter-types.js';

/**
 * The domain rules a store needs to turn stored events into rollup deltas,
 * handed in by the services (the store itself knows no meter semantics).
 */
export interface RollupRules {
  /** Deltas of the meters that count some of these events. */
  deltas(meters: readonly Meter[], events: readonly ValidEvent[]): MeterDeltas[];
  apiCalls(events: readonly ValidEvent[]): ApiCallDelta[];
}
