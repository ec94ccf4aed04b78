// The blueprints through the real SDK core (Ingestion, createBatch) into a real Tally server.
import { apiClient, startTestServer, type TestServer } from '@tally/server/testing';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import OpenAI from 'openai';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatch, Ingestion, type Batch } from '../index.js';
import { createLLMTracker } from './llm/index.js';
import { FakeProviderServer } from './llm/testing/fake-provider-server.js';
import { chatStream } from './llm/testing/openai-fixtures.js';
import { wrapS3Client } from './object-storage/index.js';
import { FakeS3Server } from './object-storage/testing/fake-s3-server.js';
import { createByteCounter } from './stream/index.js';
import { measure, trackTimeRange } from './time-range/index.js';

let tally: TestServer;
let ingestion: Ingestion;
let batch: Batch;

beforeAll(async () => {
  tally = await startTestServer();
  ingestion = new Ingestion({ apiKey: tally.apiKey, baseURL: tally.url, eventName: 'usage' });
  batch = createBatch(ingestion, { maxSize: 100, flushInterval: 50 });
});
afterAll(async () => {
  await batch.cleanup();
  await tally.close();
});

async function storedEvents(customerId: string): Promise<Array<{ event_id: string; event_name: string; metadata: Record<string, unknown> }>> {
  const reply = await apiClient(tally.url, tally.apiKey).get(`/events?customer_id=${customerId}`);
  expect(reply.status).toBe(200);
  return reply.body.items;
}

describe('blueprints end to end', () => {
  it('LLM: a wrapped OpenAI stream lands in Tally through a Batch; a config-built tracker sends directly', async () => {
    const fake = await FakeProviderServer.start();
    try {
      fake.on('POST', '/v1/chat/completions', (req) => ({ sse: chatStream({ includeUsage: !!req.body.stream_options?.include_usage }) }));
      const openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${fake.url}/v1`, maxRetries: 0 });
      const viaBatch = createLLMTracker({ recorder: batch, eventName: 'llm.tokens' });
      const stream = await viaBatch.wrap({ client: openai, customerId: 'cus_e2e_llm' }).chat.completions.create({
        model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true,
      });
      for await (const _ of stream) void _;
      await viaBatch.flush();
      await batch.flush();

      const direct = createLLMTracker({ apiKey: tally.apiKey, baseURL: tally.url, eventName: 'llm.tokens' });
      await direct.wrap({ client: openai, customerId: 'cus_e2e_llm2' }).chat.completions.create({
        model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true,
      }).then(async (s) => { for await (const _ of s) void _; });
      await direct.flush();
    } finally {
      await fake.close();
    }
    const [batched] = await storedEvents('cus_e2e_llm');
    expect(batched).toMatchObject({ event_name: 'llm.tokens', metadata: { inputTokens: 19, outputTokens: 10, totalTokens: 29, model: 'gpt-4o-mini-2024-07-18', cachedInputTokens: 8, reasoningTokens: 4 } });
    expect(await storedEvents('cus_e2e_llm2')).toHaveLength(1);
  });

  it('object storage: a PutObject through a wrapped S3 client is stored with its bytes', async () => {
    const s3fake = await FakeS3Server.start();
    const s3 = new S3Client({ region: 'us-east-1', endpoint: s3fake.url, forcePathStyle: true, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'x' } });
    try {
      const client = wrapS3Client(s3, { recorder: batch, customerId: 'cus_e2e_s3', eventName: 'storage.upload' });
      await client.send(new PutObjectCommand({ Bucket: 'media', Key: 'clip.mp4', Body: Buffer.alloc(12_345) }));
      await expect.poll(async () => { await batch.flush(); return (await storedEvents('cus_e2e_s3')).length; }).toBe(1);
    } finally {
      s3.destroy();
      await s3fake.close();
    }
    const [event] = await storedEvents('cus_e2e_s3');
    expect(event).toMatchObject({ event_name: 'storage.upload', metadata: { bytes: 12_345, bucket: 'media', key: 'clip.mp4', operation: 'PutObject' } });
  });

  it('stream: partial reports carry deterministic IDs, so replaying a stream counts it once', async () => {
    const run = async () => {
      const counter = createByteCounter(batch, { customerId: 'cus_e2e_stream', eventName: 'stream.bytes', reportEveryBytes: 1000, streamId: 'job-7' });
      await pipeline(Readable.from([Buffer.alloc(1500), Buffer.alloc(1100)]), counter, new Writable({ write: (_c, _e, cb) => cb() }));
      await counter.settled();
      await batch.flush();
    };
    await run();
    await run(); // the same stream again (a retried job): every event is a duplicate
    const events = await storedEvents('cus_e2e_stream');
    expect(events.map((e) => e.metadata.bytes).sort()).toEqual([1000, 1000, 600]);
    expect(batch.stats().duplicates).toBeGreaterThanOrEqual(3);
  });

  it('time range: measure() and trackTimeRange() are stored with durations', async () => {
    await expect(measure(batch, { customerId: 'cus_e2e_time', eventName: 'compute.ms' }, async () => { throw new Error('job failed'); })).rejects.toThrow('job failed');
    await trackTimeRange(ingestion, { customerId: 'cus_e2e_time', eventName: 'compute.ms', durationSeconds: 2.5 });
    await expect.poll(async () => { await batch.flush(); return (await storedEvents('cus_e2e_time')).length; }).toBe(2);
    const events = await storedEvents('cus_e2e_time');
    expect(events.map((e) => e.metadata)).toEqual(expect.arrayContaining([
      expect.objectContaining({ error: true, durationMs: expect.any(Number) }),
      { durationSeconds: 2.5 },
    ]));
  });
});
