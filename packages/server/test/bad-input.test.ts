import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing/start-test-server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

async function send(path: string, body: string, method = 'POST') {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${srv.apiKey}`, 'content-type': 'application/json' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.object());
const eventish = fc.record({
  event_id: fc.oneof(fc.string({ maxLength: 300 }), value),
  customer_id: fc.oneof(fc.string(), value),
  event_name: fc.oneof(fc.string(), value),
  timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), value),
  metadata: fc.oneof(fc.dictionary(fc.string({ maxLength: 120 }), value, { maxKeys: 60 }), value),
}, { requiredKeys: [] });

describe('bad input never causes a 500 or a partial write', () => {
  it('answers arbitrary JSON bodies on every write route with a JSON 2xx/4xx', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), fc.constantFrom('/events/ingest', '/customers'), async (body, path) => {
      const r = await send(path, body);
      expect(r.status).toBeLessThan(500);
      expect(r.body).toBeTypeOf('object');
    }), { numRuns: 150 });
  });

  it('stores nothing from a request with any bad event', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(eventish, { minLength: 1, maxLength: 20 }), async (generated) => {
      // A fresh prefix per run: no ID of this request can have been stored before.
      const prefix = `run${++run}_${Date.now()}:`;
      const events = generated.map((e) => (typeof e.event_id === 'string' ? { ...e, event_id: prefix + e.event_id } : e));
      const r = await send('/events/ingest', JSON.stringify({ events }));
      expect(r.status).toBeLessThan(500);
      if (r.status === 200) {
        expect(r.body.ingested_count + r.body.duplicate_count).toBe(events.length);
        return;
      }
      for (const e of events) {
        if (typeof e.event_id !== 'string') continue;
        const got = await fetch(`${srv.url}/events/${encodeURIComponent(e.event_id)}`, { headers: { authorization: `Bearer ${srv.apiKey}` } });
        expect(got.status, e.event_id).toBe(404);
      }
    }), { numRuns: 150 });
  });
});
