import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../test/fake-server.js';
import { createBatch } from '../batch/create-batch.js';
import { Ingestion } from '../client/ingestion.js';
import { trackAPICall } from './track-api-call.js';

let srv: FakeServer;
beforeEach(async () => { srv = await startFakeServer(); });
afterEach(async () => { await srv.close(); });

describe('trackAPICall', () => {
  it('records one call with its metadata through an Ingestion or a batch', async () => {
    const ingestion = new Ingestion({ apiKey: srv.apiKey, baseURL: srv.url, eventName: 'api_call' });
    const metadata = { endpoint: '/api/v1/users', method: 'GET', status_code: 200, response_time_ms: 45 };
    await trackAPICall(ingestion, { customerId: 'customer_123', metadata });
    const batch = createBatch(ingestion);
    await trackAPICall(batch, { customerId: 'customer_456', eventId: 'fixed', metadata });
    expect(srv.stored.size).toBe(1);
    await batch.cleanup();
    const stored = [...srv.stored.values()];
    expect(stored.map((e) => [e.customer_id, e.event_name, e.metadata])).toEqual([
      ['customer_123', 'api_call', metadata],
      ['customer_456', 'api_call', metadata],
    ]);
    expect(srv.stored.has('fixed')).toBe(true);
  });
});
