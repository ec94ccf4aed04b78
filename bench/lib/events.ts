import { randomUUID } from 'node:crypto';

/**
 * How event IDs are drawn: `seq` (`<prefix>_<i>`, the default), `uuid4`
 * (random), `uuid7` (random after a millisecond timestamp, so they sort by time).
 */
export type IdKind = 'seq' | 'uuid4' | 'uuid7';

function uuid7(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0') + randomUUID().replace(/-/g, '').slice(12);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Realistic API-call events: 1,000 customers, a handful of metadata keys. */
export function makeEvents(prefix: string, count: number, now = Date.now(), ids: IdKind = 'seq') {
  const idOf = (i: number) => (ids === 'uuid4' ? randomUUID() : ids === 'uuid7' ? uuid7(now - (count - i)) : `${prefix}_${i}`);
  return Array.from({ length: count }, (_, i) => ({
    event_id: idOf(i),
    customer_id: `cust_${i % 1000}`,
    event_name: i % 5 === 0 ? 'llm_tokens' : 'api_call',
    timestamp: new Date(now - (count - i)).toISOString(),
    metadata: { endpoint: `/v1/items/${i % 50}`, method: 'GET', status_code: 200, response_time_ms: 10 + (i % 90), tokens: i % 4000 },
  }));
}

/** Splits events into JSON bodies of `size` events each. */
export function bodiesOf(events: unknown[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < events.length; i += size) out.push(JSON.stringify({ events: events.slice(i, i + size) }));
  return out;
}
