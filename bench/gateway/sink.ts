/**
 * A stand-in for the Tally server: answers every ingest at once, so the
 * benchmark measures the middleware, not the database. Prints its URL.
 */
import { createServer } from 'node:http';

let events = 0;
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    const n = (JSON.parse(body) as { events: unknown[] }).events.length;
    events += n;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ingested_count: n, duplicate_count: 0, unknown_customer_ids: [] }));
  });
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address() as { port: number };
  console.log(`http://127.0.0.1:${addr.port}`);
});
process.on('SIGTERM', () => {
  console.error(`sink received ${events} events`);
  process.exit(0);
});
