import type { QuotaLimit } from '../core/quota/options.js';
import { listen, type Listening } from './listen.js';

/** Answers GET /customers/{id}/limits from a table the test controls, counting the calls. */
export async function fakeLimitsServer(limits: Record<string, QuotaLimit[]>): Promise<Listening & { calls: number }> {
  const state = { calls: 0 };
  const served = await listen((req, res) => {
    state.calls++;
    const m = /^\/customers\/([^/]+)\/limits$/.exec(req.url ?? '');
    const items = m ? limits[decodeURIComponent(m[1]!)] : undefined;
    res.statusCode = items ? 200 : 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(items ? { items } : { code: 'not_found', message: 'no such customer' }));
  });
  // defineProperty, not Object.assign: assign would copy the getter's value once.
  return Object.defineProperty(served, 'calls', { get: () => state.calls }) as Listening & { calls: number };
}

export function countLimit(limit: number, used: number): QuotaLimit {
  return {
    meter_id: 'mtr_1', meter_name: 'Calls', event_name: 'api_call', aggregation_type: 'count',
    limit: String(limit), used: String(used), remaining: String(Math.max(0, limit - used)),
    reset_at: new Date(Date.now() + 3_600_000).toISOString(),
  };
}
