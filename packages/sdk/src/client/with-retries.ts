import type { RetryInfo } from './config.js';
import { isRetryable, retryDelay, type RetryOptions } from './retry-policy.js';
import { sleep } from './sleep.js';

/**
 * Runs `attempt` until it succeeds, fails in a way a retry cannot fix, or
 * runs out of retries; the last error is thrown as is.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  opts: RetryOptions,
  onRetry?: (info: RetryInfo) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= opts.maxRetries || !isRetryable(error) || signal?.aborted) throw error;
      const delayMs = retryDelay(n, error, opts);
      onRetry?.({ attempt: n + 1, delayMs, error });
      await sleep(delayMs, signal);
    }
  }
}
