/**
 * The Express hello-world under test, in its own process, on the BUILT SDK
 * (packages/sdk/dist, what users install; the driver builds it first):
 *   node bench/gateway/app.mjs VARIANT SINK_URL [MAX_SIZE]
 * The variants under the targets mount what the middleware README recommends
 * for a gateway: `tallyApp(app, { tracking, rateLimit })` (hooked into the
 * app and its router: no router layer) with a batch that delivers from a
 * worker thread (`thread: true`):
 *   plain, tracked, limited
 * References, each one change away from those:
 *   empty           an empty middleware: what Express charges for one layer
 *   noop            trackApiCalls as a middleware, its events dropped
 *   tracked-mw      trackApiCalls as a middleware (a router layer), threaded batch
 *   tracked-inline  trackApiCalls as a middleware, batch in the app's thread (session 3's `tracked`)
 *   limited-tally   tally({ tracking, rateLimit }) as one middleware, threaded batch
 *   limited-apart   tallyApp for tracking, app.use(rateLimit(…)) (after auth, as most apps need)
 *   limit-only      tallyApp with the rate limit and no tracking: what the limit alone costs
 *   dropped         tallyApp tracking into a recorder that drops each event at its door: all but the batch
 * MAX_SIZE is the batch's maxSize (default: createBatch's own default).
 * Prints its URL once listening; on SIGTERM prints the batch's stats.
 */
import { existsSync, readFileSync } from 'node:fs';
import express from 'express';
import { createBatch, Ingestion } from '@tally/sdk';
import { rateLimit, tally, tallyApp, trackApiCalls } from '@tally/sdk/express';

const [variant = 'plain', sink = '', maxSize] = process.argv.slice(2);
const app = express();
const customerId = (req) => req.get('x-customer');
const batched = ['tracked', 'limited', 'tracked-mw', 'tracked-inline', 'limited-tally', 'limited-apart'].includes(variant);
const batchOptions = { thread: variant !== 'tracked-inline', ...(maxSize ? { maxSize: Number(maxSize) } : {}) };
const batch = batched ? createBatch(new Ingestion({ apiKey: 'bench', baseURL: sink, eventName: 'api_call' }), batchOptions) : undefined;
const tracking = { recorder: batch, customerId };

// Takes the middleware's events by the batch's own door (a registered symbol), and drops them.
const dropping = { track: async () => {}, add: () => true, [Symbol.for('tally.batch.addCall.v1')]: () => true };

// A limit never reached: the cost of counting, not of refusing.
const limit = { customerId, points: 1_000_000_000, duration: 60 };
if (variant === 'tracked' || variant === 'limited-apart') tallyApp(app, { tracking });
if (variant === 'limited') tallyApp(app, { tracking, rateLimit: limit });
if (variant === 'limit-only') tallyApp(app, { rateLimit: limit });
if (variant === 'limited-apart') app.use(rateLimit(limit));
if (variant === 'tracked-mw' || variant === 'tracked-inline') app.use(trackApiCalls(tracking));
if (variant === 'limited-tally') app.use(tally({ tracking, rateLimit: limit }));
if (variant === 'empty') app.use((_req, _res, next) => next());
if (variant === 'dropped') tallyApp(app, { tracking: { recorder: dropping, customerId } });
if (variant === 'noop') app.use(trackApiCalls({ recorder: { track: async () => {}, add: () => true }, customerId }));
// CPU time used so far, so the driver can compute CPU per request (robust to a
// busy machine): the whole process's, and the request thread's alone (Linux:
// /proc, in clock ticks of 10 ms), the one that bounds the rate.
const mainStat = `/proc/self/task/${process.pid}/stat`;
const mainUs = () => {
  if (!existsSync(mainStat)) return null;
  const fields = readFileSync(mainStat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000; // utime + stime
};
app.get('/__cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ us: user + system, mainUs: mainUs() });
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
