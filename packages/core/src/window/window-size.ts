/** Usage window sizes of `GET /meters/{id}/usage`; `none` is one window for the whole range. */
export type WindowSize = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'none';

/** Sizes that cut time into aligned windows (all but `none`). */
export type AlignedWindowSize = Exclude<WindowSize, 'none'>;

export const WINDOW_SIZES: readonly WindowSize[] = ['minute', 'hour', 'day', 'week', 'month', 'none'];

export function isWindowSize(value: unknown): value is WindowSize {
  return typeof value === 'string' && (WINDOW_SIZES as readonly string[]).includes(value);
}

/** A half-open span of time [start, end) in epoch milliseconds. */
export interface TimeRange {
  start: number;
  end: number;
}

/**
 * Earliest and latest instants windows are computed for (1000-01-01 and
 * 9999-01-01 UTC): Intl prints no era, so years before 1 would read wrongly.
 */
export const MIN_WINDOW_MS = -30_610_224_000_000;
export const MAX_WINDOW_MS = 253_370_764_800_000;

export function checkInstant(ts: number, name: string): void {
  if (!Number.isFinite(ts) || ts < MIN_WINDOW_MS || ts > MAX_WINDOW_MS) {
    throw new RangeError(`${name} must be epoch milliseconds from 1000-01-01 to 9999-01-01, got ${ts}`);
  }
}
