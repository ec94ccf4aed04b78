/** Realistic API-call events: 1,000 customers, a handful of metadata keys. */
export function makeEvents(prefix: string, count: number, now = Date.now()) {
  return Array.from({ length: count }, (_, i) => ({
    event_id: `${prefix}_${i}`,
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
