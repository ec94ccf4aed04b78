import type { RequestFilter } from './request-filter.js';

/** What a gate wants done with a request: headers to set, and maybe a refusal. */
export interface GateVerdict {
  headers: Array<[string, string]>;
  deny?: { status: number; body: { code: string; message: string } };
}

/**
 * A check that runs before the handler (rate limits, quotas). Framework
 * adapters only translate: set the headers, answer the refusal or go on.
 */
export interface Gate<Req> {
  readonly accepts: RequestFilter;
  evaluate(req: Req, method: string, path: string): GateVerdict | undefined | Promise<GateVerdict | undefined>;
}
