import { report, reportFailure, warnOnError } from '../../blueprints/shared/report.js';
import type { Metadata } from '../../blueprints/shared/types.js';
import type { TrackEvent } from '../../types.js';
import type { CallFacts } from './call-facts.js';
import { resolveCustomer } from './customer.js';
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

/** Three decimals: sub-millisecond timing without float noise in the metadata. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The framework-agnostic heart of the Express, Fastify and Hono middleware. */
export function createCallTracker<Req>(options: TrackingOptions<Req>): CallTracker<Req> {
  const onError = options.onError ?? warnOnError;
  const named = options.recorder as { eventName?: unknown };
  const eventName = options.eventName ?? (typeof named.eventName === 'string' ? named.eventName : undefined);
  const pending = new Set<Promise<void>>();

  const build = async (req: Req, facts: CallFacts, responseTimeMs: number): Promise<TrackEvent | undefined> => {
    const customerId = await resolveCustomer(options, req);
    if (customerId === undefined) return undefined;
    const metadata: Metadata = {
      endpoint: facts.endpoint,
      method: facts.method,
      status_code: facts.statusCode,
      response_time_ms: responseTimeMs,
    };
    if (facts.requestBytes !== undefined) metadata.request_bytes = facts.requestBytes;
    if (facts.responseBytes !== undefined) metadata.response_bytes = facts.responseBytes;
    if (facts.aborted) metadata.aborted = true;
    if (options.metadata) Object.assign(metadata, options.metadata(req, { ...facts, responseTimeMs }));
    // No eventId: the recorder fixes a random one before the first send.
    return { customerId, eventName, metadata };
  };

  return {
    accepts: createRequestFilter(options),
    record(req, facts) {
      const responseTimeMs = roundMs(performance.now() - facts.startedAt);
      const done = build(req, facts, responseTimeMs).then(
        (event) => (event ? report(options.recorder, event, onError) : undefined),
        (error: unknown) => reportFailure(onError, error),
      );
      pending.add(done);
      void done.finally(() => pending.delete(done));
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
