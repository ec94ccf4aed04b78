import type { Metadata } from '../shared/types.js';
import type { LLMTracker } from './tracker.js';
import type { TokenUsage } from './token-usage.js';

/** Who a wrapped client's calls are billed to, and how to record them. */
export class CallContext {
  constructor(
    readonly tracker: LLMTracker,
    readonly customerId: string,
    readonly metadata: Metadata | undefined,
  ) {}

  /** `incomplete`: the stream was cut short, so the counts may be partial. */
  record(usage: TokenUsage | undefined, what: string, incomplete = false): void {
    const extra = incomplete ? { ...this.metadata, incomplete: true } : this.metadata;
    this.tracker.record(usage, this.customerId, extra, what);
  }

  /** Runs tracking code so that a bug in it can never reach the caller. */
  guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.tracker.fail(error);
    }
  }
}

/** Intercepts one client method: calls `original` on `self` and observes the result. */
export type Interceptor = (original: (...args: unknown[]) => unknown, self: object, args: unknown[], ctx: CallContext) => unknown;

export interface Route {
  path: readonly string[];
  intercept: Interceptor;
}
