/**
 * Creates what the example bills against on the Tally server: a count meter
 * of `api_call` events, the two demo customers and their monthly quotas.
 * Safe to run twice (existing customers are kept, limits replaced).
 *   TALLY_API_KEY=tly_test_... npm run setup
 */
import { CUSTOMERS } from './customers.js';

const baseURL = process.env.TALLY_BASE_URL ?? 'http://127.0.0.1:8080';
const key = process.env.TALLY_API_KEY;
if (!key) throw new Error('set TALLY_API_KEY (npx tally keys create --mode test_mode --name example)');

// The few fields this script reads of the answers.
type Answer = { id: string; limit: number; items: Array<{ id: string; event_name: string; aggregation: { type: string } }> };

async function api(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(baseURL + path, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Answer;
  if (!res.ok && res.status !== 409) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const meters = await api('GET', '/meters?page_size=100');
const meter = meters.items.find((m) => m.event_name === 'api_call' && m.aggregation.type === 'count')
  ?? (await api('POST', '/meters', { name: 'API calls', event_name: 'api_call', measurement_unit: 'calls', aggregation: { type: 'count' } }));
console.log(`meter ${meter.id} counts api_call events`);

for (const c of CUSTOMERS) {
  await api('POST', '/customers', { name: c.name, email: c.email, external_id: c.external_id });
  const limit = await api('POST', '/limits', { meter_id: meter.id, customer_id: c.external_id, limit: c.monthlyCalls });
  console.log(`${c.external_id}: ${limit.limit} calls per month`);
}
