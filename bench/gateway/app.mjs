/**
 * The Express hello-world under test, in its own process, on the BUILT SDK
 * (packages/sdk/dist, what users install; the driver builds it first):
 *   node bench/gateway/app.mjs plain|empty|noop|tracked|limited|limited-apart SINK_URL [MAX_SIZE]
 * `limited` mounts tracking and the rate limit as one `tally()` middleware,
 * as the middleware README recommends; `limited-apart` mounts trackApiCalls
 * and rateLimit as two (one more Express layer per request).
 * MAX_SIZE is the batch's maxSize (default: createBatch's own default).
 * Prints its URL once listening; on SIGTERM prints the batch's stats.
 */
import express from 'express';
import { createBatch, Ingestion } from '@tally/sdk';
import { rateLimit, tally, trackApiCalls } from '@tally/sdk/express';

const [variant = 'plain', sink = '', maxSize] = process.argv.slice(2);
const app = express();
const customerId = (req) => req.get('x-customer');
const batched = variant === 'tracked' || variant === 'limited' || variant === 'limited-apart';
const batch = batched ? createBatch(new Ingestion({ apiKey: 'bench', baseURL: sink, eventName: 'api_call' }), maxSize ? { maxSize: Number(maxSize) } : {}) : undefined;

// A limit never reached: the cost of counting, not of refusing.
const limit = { customerId, points: 1_000_000_000, duration: 60 };
if (variant === 'tracked' || variant === 'limited-apart') app.use(trackApiCalls({ recorder: batch, customerId }));
if (variant === 'limited') app.use(tally({ tracking: { recorder: batch, customerId }, rateLimit: limit }));
// Any middleware at all: what Express charges for one more layer, which no middleware can avoid.
if (variant === 'empty') app.use((_req, _res, next) => next());
// The middleware alone, its events dropped: separates its cost from the batch's.
if (variant === 'noop') app.use(trackApiCalls({ recorder: { track: async () => {}, add: () => true }, customerId }));
if (variant === 'limited-apart') app.use(rateLimit(limit));
// CPU time used so far, so the driver can compute CPU per request (robust to a busy machine).
app.get('/__cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ us: user + system });
});
app.get('/hello/:name', (_req, res) => {
  res.send('Hello, world!');
});

const server = app.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', async () => {
  server.close();
  if (batch) {
    await batch.cleanup({ timeoutMs: 5000 });
    console.error(JSON.stringify({ variant, ...batch.stats(), lastError: undefined }));
  }
  process.exit(0);
});
