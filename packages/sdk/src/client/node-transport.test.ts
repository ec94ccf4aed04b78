import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, BadRequestError, InternalServerError, RateLimitError } from './errors.js';
import { Ingestion } from './ingestion.js';
import { nodeTransport } from './node-transport.js';

const OK = JSON.stringify({ ingested_count: 1, duplicate_count: 0, unknown_customer_ids: [] });

/** A real server on a free port; counts requests and the connections they came on. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const sockets = new Set<Socket>();
  const bodies: string[] = [];
  let n = 0;
  const server = createServer(async (req, res) => {
    sockets.add(req.socket);
    let body = '';
    for await (const c of req) body += c;
    bodies.push(body);
    handler(req, res, ++n);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  open.push(close);
  return { url, sockets, bodies, requests: () => n, close };
}
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const close of open.splice(0)) await close();
});

const answer = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
};
const client = (url: string, extra: object = {}) =>
  new Ingestion({ apiKey: 'k', baseURL: url, eventName: 'api_call', retryDelay: { baseMs: 1, maxMs: 5 }, ...extra });

describe('the node:http transport', () => {
  it('is what a client without a fetch option sends with, and global fetch is not touched', async () => {
    const srv = await serve((req, res) => answer(res, 200, OK));
    const spy = vi.fn(globalThis.fetch);
    vi.stubGlobal('fetch', spy);
    await client(srv.url).track({ customerId: 'c1', metadata: { a: 1 } });
    expect(spy).not.toHaveBeenCalled();
    const sent = JSON.parse(srv.bodies[0]!) as { events: Array<{ customer_id: string; metadata: unknown }> };
    expect(sent.events[0]).toMatchObject({ customer_id: 'c1', event_name: 'api_call', metadata: { a: 1 } });
  });

  it('sends the key, JSON headers and an exact Content-Length (multi-byte text included)', async () => {
    let seen: IncomingMessage['headers'] = {};
    const srv = await serve((req, res) => ((seen = req.headers), answer(res, 200, OK)));
    await client(srv.url).track({ customerId: 'c', metadata: { name: 'zoë ✓' } });
    expect(seen).toMatchObject({ authorization: 'Bearer k', 'content-type': 'application/json', accept: 'application/json' });
    expect(Number(seen['content-length'])).toBe(Buffer.byteLength(srv.bodies[0]!));
    expect(JSON.parse(srv.bodies[0]!).events[0].metadata.name).toBe('zoë ✓');
  });

  it('a fetch passed as an option is used instead', async () => {
    const srv = await serve((req, res) => answer(res, 200, OK));
    const mine = vi.fn(globalThis.fetch);
    await client(srv.url, { fetch: mine }).track({ customerId: 'c' });
    expect(mine).toHaveBeenCalledTimes(1);
    expect(srv.requests()).toBe(1);
  });

  it('reuses one connection for consecutive deliveries', async () => {
    const srv = await serve((req, res) => answer(res, 200, OK));
    const c = client(srv.url);
    for (let i = 0; i < 5; i++) await c.track({ customerId: 'c' });
    expect(srv.requests()).toBe(5);
    expect(srv.sockets.size).toBe(1);
  });

  it('turns 4xx and 5xx into typed APIErrors with their headers; Retry-After paces the retry', async () => {
    const srv = await serve((req, res, n) =>
      n === 1 ? answer(res, 429, '{"code":"rate_limited","message":"slow down"}', { 'retry-after': '1' })
        : n === 2 ? answer(res, 503, 'not json')
        : answer(res, 200, OK));
    const delays: number[] = [];
    const started = Date.now();
    await client(srv.url, { retryDelay: { baseMs: 1, maxMs: 5000 }, onRetry: (i: { delayMs: number; error: unknown }) => delays.push(i.delayMs) })
      .track({ customerId: 'c' });
    expect(delays[0]).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(srv.requests()).toBe(3);

    const errors = await serve((req, res, n) =>
      n === 1 ? answer(res, 400, '{"code":"VALIDATION_ERROR","message":"nope","details":{"issues":[{"index":0,"field":"x"}]}}')
        : answer(res, 500, 'boom', { 'x-request-id': 'r1' }));
    const bad = await client(errors.url).track({ customerId: 'c' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION_ERROR', issues: [{ index: 0, field: 'x' }] });
    const down = await client(errors.url, { maxRetries: 0 }).track({ customerId: 'c' }).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(InternalServerError);
    expect((down as InternalServerError).headers.get('x-request-id')).toBe('r1');
    expect((down as Error).message).toContain('boom');
  });

  it('a 429 past the retries is a RateLimitError whose headers are kept', async () => {
    const srv = await serve((req, res) => answer(res, 429, '{}', { 'retry-after': '7' }));
    const err = await client(srv.url, { maxRetries: 0 }).track({ customerId: 'c' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).headers.get('retry-after')).toBe('7');
  });

  it('does not take a 200 that is not an ingest answer as delivered', async () => {
    const srv = await serve((req, res) => answer(res, 200, '<html>hi</html>'));
    await expect(client(srv.url).track({ customerId: 'c' })).rejects.toThrow(/is it a Tally server/);
  });

  it('times out a slow answer, before and during its body', async () => {
    const slow = await serve((req, res) => setTimeout(() => answer(res, 200, OK), 500));
    await expect(client(slow.url, { timeoutMs: 50, maxRetries: 0 }).track({ customerId: 'c' })).rejects.toThrow(APIConnectionTimeoutError);
    const halfway = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(OK.length) });
      res.write(OK.slice(0, 5));
      setTimeout(() => res.end(OK.slice(5)), 500);
    });
    await expect(client(halfway.url, { timeoutMs: 50, maxRetries: 0 }).track({ customerId: 'c' })).rejects.toThrow(APIConnectionTimeoutError);
  });

  it('reports a refused connection, and a connection dropped mid-answer, as APIConnectionError', async () => {
    const gone = await serve(() => {});
    await gone.close();
    await expect(client(gone.url, { maxRetries: 0 }).track({ customerId: 'c' })).rejects.toThrow(APIConnectionError);
    const cut = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"ingested');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const err = await client(cut.url, { maxRetries: 0 }).track({ customerId: 'c' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).not.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('an abort signal stops the request with its reason, already aborted or midway', async () => {
    const srv = await serve((req, res) => setTimeout(() => answer(res, 200, OK), 300));
    const c = client(srv.url);
    const wire = [c.prepare({ customerId: 'c' })];
    const before = new AbortController();
    before.abort(new Error('stop before'));
    await expect(c.send(wire, { signal: before.signal })).rejects.toThrow('stop before');
    const midway = new AbortController();
    setTimeout(() => midway.abort(new Error('stop midway')), 30);
    const started = Date.now();
    await expect(c.send(wire, { signal: midway.signal })).rejects.toThrow('stop midway');
    expect(Date.now() - started).toBeLessThan(250);
  });

  it('is absent where node:http cannot be had', () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    expect(nodeTransport('http://127.0.0.1:1')).toBeUndefined();
  });
});
