import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { createLLMTracker } from './factory.js';
import { MODEL, message, messageStream } from './testing/anthropic-fixtures.js';
import { FakeProviderServer } from './testing/fake-provider-server.js';

let fake: FakeProviderServer;
let anthropic: Anthropic;
let rec: MemoryRecorder;
let tracker: ReturnType<typeof createLLMTracker>;

beforeAll(async () => {
  fake = await FakeProviderServer.start();
  anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: fake.url, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => {
  rec = new MemoryRecorder();
  tracker = createLLMTracker({ recorder: rec, eventName: 'llm.tokens', onError: () => {} });
});

// input_tokens 2095 excludes the cache: 2095 + 1800 read + 120 written were consumed.
const expected = { inputTokens: 4015, outputTokens: 503, totalTokens: 4518, model: MODEL, cachedInputTokens: 1800, cacheCreationInputTokens: 120 };
const params = { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user' as const, content: 'Hello' }] };

describe('anthropic messages', () => {
  it('records messages.create with cache reads and writes, result unchanged', async () => {
    fake.on('POST', '/v1/messages', { json: message() });
    const client = tracker.wrap({ client: anthropic, customerId: 'cus_a', metadata: { feature: 'support' } });
    const wrapped = await client.messages.create(params);
    expect(wrapped).toEqual(await anthropic.messages.create(params));
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toEqual({ feature: 'support', ...expected });
  });

  it('records thinking tokens as reasoning', async () => {
    fake.on('POST', '/v1/messages', { json: message({ output_tokens_details: { thinking_tokens: 300 } }) });
    await tracker.wrap({ client: anthropic, customerId: 'cus_a' }).messages.create(params);
    await tracker.flush();
    expect(rec.metadata()).toMatchObject({ reasoningTokens: 300, outputTokens: 503 });
  });

  it('records a create({stream: true}) stream from message_start and the last message_delta', async () => {
    fake.on('POST', '/v1/messages', { sse: messageStream() });
    const client = tracker.wrap({ client: anthropic, customerId: 'cus_a' });
    const stream = await client.messages.create({ ...params, stream: true });
    const types = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toContain('message_delta');
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toEqual(expected);
  });

  it('records messages.stream() once, from its final message', async () => {
    fake.on('POST', '/v1/messages', { sse: messageStream() });
    const client = tracker.wrap({ client: anthropic, customerId: 'cus_s' });
    const stream = client.messages.stream(params);
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expect(text).toBe('Hi! My name is Claude.');
    expect(final.usage.output_tokens).toBe(503);
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.events[0]!.customerId).toBe('cus_s');
    expect(rec.metadata()).toEqual(expected);
  });

  it('records the partial usage of an aborted messages.stream(), flagged incomplete', async () => {
    fake.on('POST', '/v1/messages', { sse: messageStream(), cutAfter: 3 });
    const client = tracker.wrap({ client: anthropic, customerId: 'cus_s' });
    const stream = client.messages.stream(params);
    await expect(stream.finalMessage()).rejects.toThrow();
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toMatchObject({ inputTokens: 4015, outputTokens: 1, incomplete: true });
  });
});
