import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TIME_WINDOW, validateBatch } from '@tally/core';
import type { WireEvent } from '../src/client/wire-event.js';

/** What a fault hook may answer instead of the normal handling. */
export interface Fault {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Store the events, then answer with the fault (a lost response). */
  storeFirst?: boolean;
  /** Destroy the socket without answering. */
  hangUp?: boolean;
}

export interface FakeServer {
  url: string;
  apiKey: string;
  /** Every event stored, by event_id; a resend is counted as a duplicate. */
  stored: Map<string, WireEvent>;
  /** How many times each event_id arrived in an accepted request. */
  received: Map<string, number>;
  requests: number;
  /** Requests being handled now, and the most at once so far. */
  active: number;
  peakActive: number;
  /** Sizes of each request's event list, in arrival order. */
  batchSizes: number[];
  /** Return a fault to answer the n-th request (1-based) with it, or undefined. */
  fault: ((n: number, events: WireEvent[]) => Fault | undefined) | undefined;
  /** Resolves once `requests` reaches n. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A tiny stand-in for the Tally ingest API, speaking its wire format, with fault injection. */
export async function startFakeServer(): Promise<FakeServer> {
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const fake: FakeServer = {
    url: '', apiKey: 'test_key', stored: new Map(), received: new Map(), requests: 0, active: 0, peakActive: 0, batchSizes: [], fault: undefined,
    waitForRequests: (n) => new Promise((resolve) => {
      if (fake.requests >= n) resolve();
      else waiters.push({ n, resolve });
    }),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const store = (events: WireEvent[]) => {
    let ingested = 0;
    for (const e of events) {
      fake.received.set(e.event_id, (fake.received.get(e.event_id) ?? 0) + 1);
      if (!fake.stored.has(e.event_id)) { fake.stored.set(e.event_id, e); ingested++; }
    }
    return { ingested_count: ingested, duplicate_count: events.length - ingested, unknown_customer_ids: [] };
  };
  const server = createServer(async (req, res) => {
    fake.peakActive = Math.max(fake.peakActive, ++fake.active);
    res.on('close', () => fake.active--);
    const n = ++fake.requests;
    for (const w of waiters.filter((w) => w.n <= n)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    if (req.method !== 'POST' || req.url !== '/events/ingest') return send(res, 404, { code: 'NOT_FOUND', message: 'no route' });
    if (req.headers.authorization !== `Bearer ${fake.apiKey}`) return send(res, 401, { code: 'UNAUTHORIZED', message: 'bad key' });
    let body: unknown;
    try { body = await readJson(req); } catch { return send(res, 422, { code: 'MALFORMED_JSON', message: 'bad json' }); }
    const events = ((body as { events?: WireEvent[] }).events ?? []) as WireEvent[];
    fake.batchSizes.push(events.length);
    const fault = fake.fault?.(n, events);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault?.hangUp) return void req.socket.destroy();
    if (fault && !fault.storeFirst) return send(res, fault.status, fault.body ?? { code: 'FAULT', message: 'injected' }, fault.headers);
    const checked = validateBatch(body, { now: Date.now(), window: DEFAULT_TIME_WINDOW });
    if (!checked.ok) return send(res, 400, { code: 'VALIDATION_ERROR', message: checked.message, details: { issues: checked.issues } });
    const result = store(events);
    if (fault) return send(res, fault.status, fault.body ?? { code: 'FAULT', message: 'injected' }, fault.headers);
    send(res, 200, result);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
