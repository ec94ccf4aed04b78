import { secondsUntil, type LimitDecision } from './decision.js';
import { MemoryWindows } from './memory-windows.js';
import type { LimitSpec } from './options.js';

/** Decides one request of `key` now. */
export type SyncLimit = (key: string) => LimitDecision;

/**
 * A spec counted in this process's memory, decided synchronously. A token
 * bucket is rate-limiter-flexible's BurstyRateLimiter: the steady window
 * first; once it is used up, the burst window; refused only when both are.
 * The answer shows the steady window's remaining count and the earlier of
 * the two resets, as BurstyRateLimiter's does.
 */
export function memoryLimit(spec: LimitSpec): SyncLimit {
  const steady = new MemoryWindows(spec.duration * 1000);
  const burst = spec.algorithm === 'token-bucket' ? new MemoryWindows((spec.burstDuration ?? spec.duration) * 1000) : undefined;
  return (key) => {
    const now = Date.now();
    const s = steady.consume(key, now);
    const remaining = Math.max(spec.points - s.consumed, 0);
    if (s.consumed <= spec.points) return { allowed: true, limit: spec.points, remaining, resetSeconds: secondsUntil(s.msBeforeNext) };
    if (!burst) return { allowed: false, limit: spec.points, remaining, resetSeconds: secondsUntil(s.msBeforeNext) };
    const b = burst.consume(key, now);
    const resetSeconds = secondsUntil(Math.min(s.msBeforeNext, b.msBeforeNext));
    return { allowed: b.consumed <= spec.burst!, limit: spec.points, remaining, resetSeconds };
  };
}
