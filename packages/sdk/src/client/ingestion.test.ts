import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeServer, type FakeServer } from '../../test/fake-server.js';
import {
  APIConnectionError, APIConnectionTimeoutError, AuthenticationError, BadRequestError,
  ConfigurationError, InternalServerError, RateLimitError, ValidationError,
} from './errors.js';
import { Ingestion } from './ingestion.js';

let srv: FakeServer;
beforeEach(async () => { srv = await startFakeServer(); });
afterEach(async () => { await srv.close(); vi.unstubAllEnvs(); });

const client = (extra: object = {}) =>
  new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call', retryDelay: { baseMs: 5, maxMs: 20 }, ...extra });

describe('Ingestion config', () => {
  it('names what is missing', () => {
    vi.stubEnv('TALLY_API_KEY', '');
    vi.stubEnv('TALLY_BASE_URL', '');
    expect(() => new Ingestion({ baseURL: 'http://x' })).toThrow(ConfigurationError);
    expect(() => new Ingestion({ apiKey: 'k' })).toThrow(/TALLY_BASE_URL/);
    expect(() => new Ingestion({ apiKey: 'k', baseURL: 'ftp://x' })).toThrow(/http/);
  });

  it('falls back to TALLY_API_KEY and TALLY_BASE_URL', async () => {
    vi.stubEnv('TALLY_API_KEY', srv.apiKey);
    vi.stubEnv('TALLY_BASE_URL', `${srv.url}/`);
    await new Ingestion({ eventName: 'e' }).track({ customerId: 'c1' });
    expect(srv.stored.size).toBe(1);
  });
});

describe('Ingestion.track and ingest', () => {
  it('sends one event with the default name, a fixed ID and timestamp', async () => {
    await client().track({ customerId: 'c1', metadata: { path: '/x', ms: 4 } });
    const [e] = [...srv.stored.values()];
    expect(e).toMatchObject({ customer_id: 'c1', event_name: 'api_call', metadata: { path: '/x', ms: 4 } });
    expect(e!.event_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(e!.timestamp!)).toBeGreaterThan(Date.now() - 5000);
  });

  it('ingest sends many in one request and returns the server counts', async () => {
    const c = client();
    const events = Array.from({ length: 250 }, (_, i) => ({ customerId: 'c', eventId: `e${i}` }));
    expect(await c.ingest(events)).toEqual({ ingested_count: 250, duplicate_count: 0, unknown_customer_ids: [] });
    expect(await c.ingest(events.slice(0, 10))).toMatchObject({ ingested_count: 0, duplicate_count: 10 });
    expect(srv.batchSizes).toEqual([250, 10]);
  });

  it('rejects invalid events before sending anything', async () => {
    const c = client();
    const bad = { customerId: 'c', metadata: { nested: { a: 1 } as never } };
    await expect(c.track(bad)).rejects.toThrow(ValidationError);
    await expect(c.ingest([{ customerId: 'c' }, { customerId: '' }])).rejects.toMatchObject({
      issues: [{ index: 1, field: 'customer_id' }],
    });
    await expect(c.ingest([])).rejects.toThrow(ValidationError);
    await expect(new Ingestion({ apiKey: 'k', baseURL: srv.url }).track({ customerId: 'c' })).rejects.toThrow(/event_name/);
    expect(srv.requests).toBe(0);
  });
});

describe('Ingestion retries', () => {
  it('retries 5xx with the same event ID; a lost response never double-stores', async () => {
    srv.fault = (n) => (n === 1 ? { status: 500, storeFirst: true } : n === 2 ? { status: 503 } : undefined);
    const retries: number[] = [];
    await client({ onRetry: (i: { attempt: number }) => retries.push(i.attempt) }).track({ customerId: 'c' });
    expect(retries).toEqual([1, 2]);
    expect(srv.stored.size).toBe(1);
    expect([...srv.received.values()]).toEqual([2]);
  });

  it('honours Retry-After on 429', async () => {
    srv.fault = (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
    const delays: number[] = [];
    const started = Date.now();
    await client({ retryDelay: { baseMs: 5, maxMs: 5000 }, onRetry: (i: { delayMs: number }) => delays.push(i.delayMs) })
      .track({ customerId: 'c' });
    expect(delays).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('gives up after maxRetries with the typed error', async () => {
    srv.fault = () => ({ status: 502 });
    await expect(client({ maxRetries: 2 }).track({ customerId: 'c' })).rejects.toThrow(InternalServerError);
    expect(srv.requests).toBe(3);
    srv.fault = () => ({ status: 429 });
    await expect(client({ maxRetries: 0 }).track({ customerId: 'c' })).rejects.toThrow(RateLimitError);
  });

  it('never retries other 4xx, and keeps the server reason', async () => {
    srv.fault = () => ({ status: 400, body: { code: 'VALIDATION_ERROR', message: 'nope', details: { issues: [{ index: 0, field: 'x', message: 'bad' }] } } });
    const err = await client().track({ customerId: 'c' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err).toMatchObject({ status: 400, statusCode: 400, code: 'VALIDATION_ERROR', issues: [{ index: 0, field: 'x' }] });
    expect(srv.requests).toBe(1);
    srv.fault = undefined;
    await expect(client({ apiKey: 'wrong' }).track({ customerId: 'c' })).rejects.toThrow(AuthenticationError);
    expect(srv.requests).toBe(2);
  });

  it('times out slow answers and retries them', async () => {
    srv.fault = (n) => (n === 1 ? { status: 200, delayMs: 400, storeFirst: true } : undefined);
    await client({ timeoutMs: 100 }).track({ customerId: 'c' });
    expect(srv.requests).toBe(2);
    srv.fault = () => ({ status: 200, delayMs: 300 });
    await expect(client({ timeoutMs: 50, maxRetries: 1 }).track({ customerId: 'c' })).rejects.toThrow(APIConnectionTimeoutError);
  });

  it('does not take a 200 that is not an ingest answer as delivered', async () => {
    srv.fault = () => ({ status: 200, body: '<html>hello</html>' });
    await expect(client().track({ customerId: 'c' })).rejects.toThrow(/is it a Tally server/);
    expect(srv.requests).toBe(1);
  });

  it('reports a refused connection as APIConnectionError', async () => {
    const url = srv.url;
    await srv.close();
    const c = new Ingestion({ apiKey: 'k', baseURL: url, eventName: 'e', maxRetries: 1, retryDelay: { baseMs: 1 } });
    await expect(c.track({ customerId: 'c' })).rejects.toThrow(APIConnectionError);
    srv = await startFakeServer();
  });
});
