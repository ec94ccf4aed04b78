import type { TrackErrorHandler } from '../../../blueprints/shared/types.js';
import type { CustomerOptions } from '../customer.js';
import type { FilterOptions } from '../request-filter.js';

export interface QuotaOptions<Req> extends CustomerOptions<Req>, FilterOptions {
  /** The Tally server; falls back to TALLY_BASE_URL. */
  baseURL?: string;
  /** A (read-only is enough) key; falls back to TALLY_API_KEY. */
  apiKey?: string;
  /** 'hard' (default) answers 429 once a quota is used up; 'soft' only sets the headers. */
  mode?: 'hard' | 'soft';
  /** How old (ms) a customer's cached limits may get before a background refresh. Default 5000. */
  refreshMs?: number;
  /**
   * The event each admitted request will produce (default 'api_call'): limits
   * on count meters of this event also count the requests admitted since the
   * last refresh, so a burst cannot overrun a quota between refreshes.
   */
  eventName?: string;
  /** Only enforce limits on these meters (IDs or names). Default: all of the customer's limits. */
  meters?: readonly string[];
  /** Failed refreshes (the cache keeps its last answer; unknown customers pass). Default: a warning. */
  onError?: TrackErrorHandler;
  fetch?: typeof fetch;
}

/** One limit as `GET /customers/{id}/limits` returns it. */
export interface QuotaLimit {
  meter_id: string;
  meter_name: string;
  event_name: string;
  aggregation_type: string;
  limit: number | string;
  used: number | string;
  remaining: number | string;
  reset_at: string;
}
