/**
 * A stand-in for the Tally server: answers every ingest at once without
 * parsing it, so the benchmark measures the app's middleware and batch, and
 * the sink takes as little as possible of the CPU the app and the load
 * generator share. Prints its URL; on SIGTERM, what it received.
 */
import { createServer } from 'node:http';

const ANSWER = JSON.stringify({ ingested_count: 0, duplicate_count: 0, unknown_customer_ids: [] });
let requests = 0;
let bytes = 0;
const server = createServer((req, res) => {
  requests++;
  req.on('data', (c: Buffer) => (bytes += c.length));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(ANSWER);
  });
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address() as { port: number };
  console.log(`http://127.0.0.1:${addr.port}`);
});
process.on('SIGTERM', () => {
  console.error(`sink received ${requests} ingest requests, ${(bytes / 1e6).toFixed(1)} MB`);
  process.exit(0);
});
