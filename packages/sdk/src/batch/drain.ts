import { TallyError } from '../client/errors.js';
import { sleep } from '../client/sleep.js';
import type { BatchEngine } from './engine.js';
import type { Entry } from './pending-queue.js';

/**
 * Flushes until nothing is held or `timeoutMs` has passed, pausing between
 * failed attempts as the engine's backoff says; then aborts what is still in
 * flight, stops the engine and returns the events left undelivered.
 */
export async function drainWithin(engine: BatchEngine, ready: Promise<void>, timeoutMs: number): Promise<Entry[]> {
  const deadline = Date.now() + timeoutMs;
  const timer = setTimeout(() => engine.abort.abort(new TallyError('cleanup() reached its deadline')), timeoutMs);
  try {
    await ready;
    while (engine.held > 0 && !engine.abort.signal.aborted) {
      try {
        await engine.flush();
      } catch {
        const pause = Math.min(engine.backoffRemaining, deadline - Date.now());
        await sleep(Math.max(0, pause), engine.abort.signal).catch(() => undefined);
      }
    }
  } finally {
    clearTimeout(timer);
  }
  return engine.stop(new TallyError('the batch was closed'));
}
