/**
 * The loop that door-instructions.ts counts under callgrind:
 *   node bench/gateway/door-loop.mjs DIST MODE EVENTS SINK_URL
 * EVENTS API-call events go into a threaded batch (DIST: a built SDK's dist
 * folder), 256 at a time with a turn of the event loop between (one hand-over
 * to the worker each), then the batch flushes and every event must have been
 * sent (at least once). MODE is how each event goes in:
 *   none        the loop alone (the facts object each call has anyway)
 *   call        the middleware's door (tally.batch.addCall.v1): the facts as they are
 *   add         batch.add() with the metadata object an app would build
 *   checked-v1  the door before it (tally.batch.addChecked.v1, builds before b64340e)
 */
const [dist, mode, events, sink] = process.argv.slice(2);
const { createBatch, Ingestion } = await import(`${dist}/index.js`);
const batch = createBatch(new Ingestion({ apiKey: 'bench', baseURL: sink, eventName: 'api_call' }), { thread: true, maxSize: 1000, maxQueueSize: 1e9 });
await batch.ready;
const callDoor = Symbol.for('tally.batch.addCall.v1');
const checkedDoor = Symbol.for('tally.batch.addChecked.v1');
const endpoints = ['/hello/:name', '/users/:id', '/v1/things'];
const metadataOf = (facts, ms) => ({
  endpoint: facts.endpoint, method: facts.method, status_code: facts.statusCode, response_time_ms: ms,
  request_bytes: facts.requestBytes, response_bytes: facts.responseBytes,
});
let kept = 0;
function one(i) {
  const facts = { endpoint: endpoints[i % 3], method: 'GET', statusCode: 200, startedAt: i, requestBytes: 0, responseBytes: 13, aborted: false };
  const ms = Math.round((i % 997) * 1371) / 1000;
  if (mode === 'call') batch[callDoor]('cus_bench', undefined, facts, ms);
  else if (mode === 'add') batch.add({ customerId: 'cus_bench', metadata: metadataOf(facts, ms) });
  else if (mode === 'checked-v1') batch[checkedDoor]('cus_bench', undefined, metadataOf(facts, ms));
  else if (mode === 'none') kept += facts.endpoint.length + ms;
  else throw new Error(`unknown mode ${mode}`);
}
const n = Number(events);
for (let i = 0; i < n; ) {
  for (let k = 0; k < 256 && i < n; k++, i++) one(i);
  await new Promise(setImmediate);
}
await batch.flush();
// At least n: under valgrind a slow answer can time out, and its events go again.
const { sent } = batch.stats();
if (mode !== 'none' && sent < n) throw new Error(`sent ${sent} of ${n} events`);
await batch.cleanup();
process.exit(kept < 0 ? 1 : 0);
