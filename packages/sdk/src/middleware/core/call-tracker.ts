import { ADD_CALL, takesCalls } from '../../batch/doors.js';
import { report, reportFailure, warnOnError } from '../../blueprints/shared/report.js';
import type { TrackEvent, UsageRecorder } from '../../types.js';
import type { CallFacts } from '../../api-call/call-facts.js';
import { callMetadata, callMetadataFits } from '../../api-call/call-metadata.js';
import { resolveCustomerSync } from './customer.js';
import { createRequestFilter, type RequestFilter } from './request-filter.js';
import type { TrackingOptions } from './tracking-options.js';

export interface CallTracker<Req> {
  /** Whether to time this request at all (method and raw path filters). */
  readonly accepts: RequestFilter;
  /** Records a finished request, off the response path; never throws. */
  record(req: Req, facts: CallFacts): void;
  /** Resolves once every event handed over so far has reached the recorder. */
  settled(): Promise<void>;
}

/** A Batch: add() queues synchronously, with no promise per event. */
type Queueing = UsageRecorder & { add(event: TrackEvent): boolean };

/** Three decimals: sub-millisecond timing without float noise in the metadata. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The framework-agnostic heart of the Express, Fastify and Hono middleware. */
export function createCallTracker<Req>(options: TrackingOptions<Req>): CallTracker<Req> {
  const onError = options.onError ?? warnOnError;
  const recorder = options.recorder;
  const named = recorder as { eventName?: unknown; add?: unknown };
  const eventName = options.eventName ?? (typeof named.eventName === 'string' ? named.eventName : undefined);
  const queue = typeof named.add === 'function' ? (recorder as Queueing) : undefined;
  // A batch takes calls it need not check again, as long as the metadata is ours alone.
  const door = takesCalls(recorder) && !options.metadata ? recorder : undefined;
  const pending = new Set<Promise<void>>();

  const hand = (req: Req, facts: CallFacts, customerId: string, responseTimeMs: number): void => {
    // A batch refuses (full, invalid) through its own hooks: onDrop, onDeadLetter.
    if (door && callMetadataFits(facts, responseTimeMs)) return void door[ADD_CALL](customerId, eventName, facts, responseTimeMs);
    const metadata = callMetadata(facts, responseTimeMs);
    if (options.metadata) Object.assign(metadata, options.metadata(req, { ...facts, responseTimeMs }));
    // No eventId: the recorder fixes a random one before the first send.
    const event: TrackEvent = { customerId, eventName, metadata };
    if (queue) return void queue.add(event);
    track(report(recorder, event, onError));
  };
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  return {
    accepts: createRequestFilter(options),
    record(req, facts) {
      const responseTimeMs = roundMs(performance.now() - facts.startedAt);
      try {
        const customer = resolveCustomerSync(options, req);
        if (typeof customer === 'string') return hand(req, facts, customer, responseTimeMs);
        if (customer === undefined) return;
        track(customer.then((id) => (id === undefined ? undefined : hand(req, facts, id, responseTimeMs))).catch((e: unknown) => reportFailure(onError, e)));
      } catch (error) {
        reportFailure(onError, error);
      }
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
