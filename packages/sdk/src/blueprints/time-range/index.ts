// Time-range blueprint: bill by elapsed time (runtime, compute, sessions).
export { trackTimeRange, type TrackTimeRangeOptions } from './track-time-range.js';
export { startTimer, type Timer, type TimerOptions, type TimerResult } from './timer.js';
export { measure, type MeasureOptions } from './measure.js';
