import type { TrackEvent, UsageRecorder } from '../../types.js';
import type { TrackErrorHandler } from './types.js';

/** The default hook: say so on stderr rather than lose the failure silently. */
export const warnOnError: TrackErrorHandler = (error, event) => {
  const who = event ? ` (customer ${event.customerId})` : '';
  console.warn(`[tally] usage event not recorded${who}:`, error);
};

function safely(onError: TrackErrorHandler, error: unknown, event?: TrackEvent): void {
  try {
    if (event) onError(error, event);
    else onError(error);
  } catch {
    // A throwing hook must not turn bookkeeping into an app failure.
  }
}

/**
 * Hands `event` to the recorder without making the caller wait for it, and
 * routes any failure (sync throw or rejection) to `onError`. Returns the
 * settled promise so owners can keep track of work in flight.
 */
export function report(recorder: UsageRecorder, event: TrackEvent, onError: TrackErrorHandler): Promise<void> {
  try {
    return recorder.track(event).catch((error: unknown) => safely(onError, error, event));
  } catch (error) {
    safely(onError, error, event);
    return Promise.resolve();
  }
}

/** Reports a failure that happened before any event could be built. */
export function reportFailure(onError: TrackErrorHandler, error: unknown): void {
  safely(onError, error);
}
