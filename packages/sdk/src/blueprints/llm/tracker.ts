import type { UsageRecorder } from '../../types.js';
import { InFlight } from '../shared/in-flight.js';
import { recorderFrom, type RecorderOrConfig } from '../shared/recorder-from.js';
import { report, reportFailure, warnOnError } from '../shared/report.js';
import type { Metadata, TrackErrorHandler } from '../shared/types.js';
import { UsageNotReportedError } from './errors.js';
import { extractUsage } from './extract-usage.js';
import { usageToMetadata, type TokenUsage } from './token-usage.js';

export interface LLMTrackerOptions {
  /** The meter's event name; defaults to the recorder's own eventName. */
  eventName?: string;
  /** Where failures of automatic tracking go. Default: console.warn. */
  onError?: TrackErrorHandler;
  /**
   * Ask Chat Completions streams for their usage (`stream_options.include_usage`)
   * when the caller did not say, and hide that extra usage-only chunk from the
   * caller. Default true; without it a stream's tokens cannot be counted.
   */
  includeStreamUsage?: boolean;
}

export type TrackingConfig = RecorderOrConfig & LLMTrackerOptions;

/**
 * Turns LLM responses into usage events: `inputTokens`, `outputTokens`,
 * `totalTokens`, `model`, and `reasoningTokens` / `cachedInputTokens` /
 * `cacheCreationInputTokens` where the provider reports them. The token keys
 * are written after the caller's metadata so they cannot be overridden.
 */
export class LLMTracker {
  readonly recorder: UsageRecorder;
  readonly eventName: string | undefined;
  readonly onError: TrackErrorHandler;
  readonly includeStreamUsage: boolean;
  private readonly inFlight = new InFlight();

  constructor(config: TrackingConfig) {
    this.recorder = recorderFrom(config);
    this.eventName = config.eventName;
    this.onError = config.onError ?? warnOnError;
    this.includeStreamUsage = config.includeStreamUsage ?? true;
  }

  /** Manual tracking of a response or usage object; awaits the recorder. Skips responses without usage. */
  async track(response: unknown, customerId: string, metadata?: Metadata): Promise<void> {
    const usage = extractUsage(response);
    if (usage) await this.recorder.track(this.event(usage, customerId, metadata));
  }

  /** Fire and forget, for wrapped calls: never throws, never delays the caller. */
  record(usage: TokenUsage | undefined, customerId: string, metadata?: Metadata, what = 'response'): void {
    if (!usage) {
      reportFailure(this.onError, new UsageNotReportedError(`LLM ${what} carried no token usage; nothing recorded`, customerId));
      return;
    }
    this.inFlight.add(report(this.recorder, this.event(usage, customerId, metadata), this.onError));
  }

  /** Reports an internal failure of automatic tracking (never thrown at the caller). */
  fail(error: unknown): void {
    reportFailure(this.onError, error);
  }

  /** Waits until every automatic report so far has been handed over (settled). */
  flush(): Promise<void> {
    return this.inFlight.flush();
  }

  /** True when the recorder is reachable; recorders without a health check count as healthy. */
  async healthCheck(): Promise<boolean> {
    const check = (this.recorder as { healthCheck?: () => Promise<boolean> }).healthCheck;
    return typeof check === 'function' ? check.call(this.recorder) : true;
  }

  private event(usage: TokenUsage, customerId: string, metadata?: Metadata) {
    return { customerId, eventName: this.eventName, timestamp: new Date(), metadata: { ...metadata, ...usageToMetadata(usage) } };
  }
}
