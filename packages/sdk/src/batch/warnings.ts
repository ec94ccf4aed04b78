import type { DeadLetter } from './dead-letter.js';

// What a batch writes to stderr when the app gave it no hook to tell instead;
// shared by the in-thread batch and the app's side of a threaded one.

/** Dead letters no onDeadLetter hook took and no spool keeps. */
export function logDeadLetters(letters: DeadLetter[]): void {
  console.error(`[tally] ${letters.length} event(s) refused for good: ${letters[0]!.reason}`);
}

/** The spool could not open, and no onError hook heard about it. */
export function logSpoolUnavailable(error: unknown): void {
  console.error(`[tally] spool unavailable, events are held in memory only: ${(error as Error).message}`);
}
