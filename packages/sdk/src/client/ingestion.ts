import { EVENT_LIMITS, type EventIssue } from '@tally/core';
import type { TrackEvent, UsageRecorder } from '../types.js';
import { resolveConfig, type IngestionConfig, type ResolvedConfig, type RetryInfo } from './config.js';
import { ValidationError } from './errors.js';
import { holdOpen } from './keep-alive.js';
import { postEvents } from './post-events.js';
import { describeIssues, prepareEvent, toWireEvent } from './prepare-event.js';
import { withRetries } from './with-retries.js';
import type { IngestResponse, WireEvent } from './wire-event.js';

export interface SendOptions {
  signal?: AbortSignal;
  /** Called before each retry, besides the Ingestion's own onRetry. */
  onRetry?: (info: RetryInfo) => void;
  /** Keep the process alive through backoff waits (default true: the caller awaits). */
  keepAlive?: boolean;
}

/**
 * The client for a Tally server. `track` sends one event now; `ingest` sends
 * up to 1000 in one request. Both retry transient failures with the event
 * IDs fixed up front, so a retry never counts an event twice.
 */
export class Ingestion implements UsageRecorder {
  readonly config: ResolvedConfig;

  constructor(config: IngestionConfig = {}) {
    this.config = resolveConfig(config);
  }

  get eventName(): string | undefined {
    return this.config.eventName;
  }

  get environment(): 'test_mode' | 'live_mode' {
    return this.config.environment;
  }

  /** The wire form of `event`, validated; its ID and timestamp are fixed now. */
  prepare(event: TrackEvent): WireEvent {
    return prepareEvent(event, { eventName: this.config.eventName, timeWindow: this.config.timeWindow, now: Date.now() });
  }

  async track(event: TrackEvent): Promise<void> {
    await this.send([this.prepare(event)]);
  }

  /** Sends 1 to 1000 events in one request and returns the server's counts. */
  async ingest(events: TrackEvent[], options: SendOptions = {}): Promise<IngestResponse> {
    if (events.length === 0 || events.length > EVENT_LIMITS.maxEventsPerRequest) {
      throw new ValidationError(`ingest() takes 1 to ${EVENT_LIMITS.maxEventsPerRequest} events, got ${events.length}`);
    }
    const now = Date.now();
    const ctx = { eventName: this.config.eventName, timeWindow: this.config.timeWindow, now };
    const issues: EventIssue[] = [];
    const wire = events.map((e, i) => toWireEvent(e, ctx, i, issues));
    if (issues.length > 0) throw new ValidationError(`Invalid events: ${describeIssues(issues)}`, issues);
    return this.send(wire as WireEvent[], options);
  }

  /** Sends already prepared events, retrying transient failures. */
  async send(events: WireEvent[], options: SendOptions = {}): Promise<IngestResponse> {
    const onRetry = (info: RetryInfo) => {
      this.config.onRetry?.(info);
      options.onRetry?.(info);
    };
    const release = options.keepAlive === false ? () => {} : holdOpen();
    try {
      return await withRetries(() => postEvents(this.config, events, options.signal), this.config.retry, onRetry, options.signal);
    } finally {
      release();
    }
  }
}
