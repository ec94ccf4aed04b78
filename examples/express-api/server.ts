/**
 * An Express API billed per call. Every call is recorded in Tally (route
 * template, status, latency, bytes); customers are rate limited per second
 * and per endpoint, and held to the monthly quota set on the Tally server.
 *   TALLY_API_KEY=tly_test_... npm start
 */
import express, { type Request } from 'express';
import { createBatch, Ingestion } from '@tally/sdk';
import { tallyApp } from '@tally/sdk/express';
import { API_KEYS } from './customers.js';

const baseURL = process.env.TALLY_BASE_URL ?? 'http://127.0.0.1:8080';
const port = Number(process.env.PORT ?? 3000);

const ingestion = new Ingestion({ apiKey: process.env.TALLY_API_KEY, baseURL, eventName: 'api_call' });
// Delivered from a worker thread: each event's JSON and the HTTP requests stay off the thread that answers calls.
const batch = createBatch(ingestion, { maxSize: 100, flushInterval: 2000, thread: true });

// Who is calling: the customer behind the X-API-Key header (no key, no customer).
const customerId = (req: Request) => API_KEYS[req.get('x-api-key') ?? ''];

const app = express();
app.use(express.json());
// Unknown keys are turned away before anything is counted.
app.use('/v1', (req, res, next) => (customerId(req) ? next() : res.status(401).json({ error: 'unknown X-API-Key' })));
// Hooked into the app itself, not mounted as a middleware (no router layer per request). The limits
// run at the router's entry, before the key check above, which suits them: the customer comes from
// the request's own header, and a call with an unknown key has no customer, so is neither limited nor billed.
tallyApp(app, {
  // 1. Rate limits: 10 calls per 10 s per customer; reports are heavier, 2 per minute.
  rateLimit: {
    customerId,
    include: ['/v1/*'],
    points: 10,
    duration: 10,
    endpoints: [{ paths: ['/v1/reports'], methods: ['POST'], points: 2, duration: 60 }],
  },
  // 2. The monthly quota from Tally (POST /limits), enforced from a local cache.
  quota: { customerId, include: ['/v1/*'], baseURL, apiKey: process.env.TALLY_API_KEY, mode: 'hard', refreshMs: 5000 },
  // 3. Billing: one event per call…
  tracking: { recorder: batch, customerId, include: ['/v1/*'], metadata: (req) => ({ plan: req.get('x-plan') ?? 'standard' }) },
  // …for the calls that got past the limits only.
  recordRefused: false,
});

app.get('/health', (_req, res) => res.json({ ok: true }));
app.get('/v1/users/:id', (req, res) => res.json({ id: req.params.id, name: `User ${req.params.id}` }));
app.post('/v1/reports', (req, res) => res.status(201).json({ report: 'queued', filters: req.body ?? {} }));
app.get('/v1/slow', (_req, res) => setTimeout(() => res.json({ slow: true }), 50 + Math.random() * 150));
app.get('/v1/fail', () => {
  throw new Error('this endpoint always fails');
});

const server = app.listen(port, () => console.log(`example API on http://127.0.0.1:${port} (Tally at ${baseURL})`));

// Hand the last events over before exiting.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    server.close();
    const { delivered, remaining } = await batch.cleanup({ timeoutMs: 5000 });
    console.log(delivered ? 'all usage delivered' : `${remaining} events not delivered`);
    process.exit(0);
  });
}
