import type { RequestFilter } from './request-filter.js';

/** What a gate wants done with a request: headers to set, and maybe a refusal. */
export interface GateVerdict {
  /** Names and values in turn (name, value, name, value…): no pair arrays to build per request. */
  headers: string[];
  deny?: { status: number; body: { code: string; message: string } };
}

/**
 * A check that runs before the handler (rate limits, quotas). Framework
 * adapters only translate: set the headers, answer the refusal or go on.
 */
export interface Gate<Req> {
  readonly accepts: RequestFilter;
  /** Whether evaluate() reads the path (endpoint rules): when neither it nor `accepts` does, adapters pass '' instead of working it out. */
  readonly needsPath: boolean;
  evaluate(req: Req, method: string, path: string): GateVerdict | undefined | Promise<GateVerdict | undefined>;
}
