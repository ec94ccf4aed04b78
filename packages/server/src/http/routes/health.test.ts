import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe('public routes', () => {
  it('answers liveness and readiness without a key', async () => {
    expect(await (await fetch(`${srv.url}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${srv.url}/health/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('describes every API route in /openapi.json', async () => {
    const doc = await (await fetch(`${srv.url}/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = srv.server.app.printRoutes({ commonPrefix: false });
    for (const path of ['/events/ingest', '/events', '/events/{event_id}', '/customers', '/customers/{customer_id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/events/ingest'].post.requestBody).toBeDefined();
    expect(routes).toContain('ingest');
  });

  it('exports Prometheus metrics', async () => {
    await fetch(`${srv.url}/events/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${srv.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ event_id: 'm1', customer_id: 'c', event_name: 'n' }] }),
    });
    const text = await (await fetch(`${srv.url}/metrics`)).text();
    expect(text).toMatch(/tally_events_ingested_total\{mode="test_mode"\} 1/);
    expect(text).toMatch(/tally_http_request_duration_seconds_bucket/);
    expect(text).toMatch(/tally_rollup_lag_events \d+/);
  });
});
