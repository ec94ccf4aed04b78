import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { TrackErrorHandler } from '../shared/types.js';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { UsageNotReportedError } from './errors.js';
import { createLLMTracker } from './factory.js';
import { FakeProviderServer } from './testing/fake-provider-server.js';
import { chatCompletion, chatStream, response, responseStream } from './testing/openai-fixtures.js';

let fake: FakeProviderServer;
let openai: OpenAI;
let rec: MemoryRecorder;
let onError: Mock<TrackErrorHandler>;
let tracker: ReturnType<typeof createLLMTracker>;

beforeAll(async () => {
  fake = await FakeProviderServer.start();
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${fake.url}/v1`, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => {
  rec = new MemoryRecorder();
  onError = vi.fn<TrackErrorHandler>();
  tracker = createLLMTracker({ recorder: rec, eventName: 'llm.tokens', onError });
  fake.requests.length = 0;
});

const expectedChatMeta = { inputTokens: 19, outputTokens: 10, totalTokens: 29, model: 'gpt-4o-mini-2024-07-18', reasoningTokens: 4, cachedInputTokens: 8 };

describe('openai chat.completions.create', () => {
  it('returns the same completion as the bare client and records its tokens', async () => {
    fake.on('POST', '/v1/chat/completions', { json: chatCompletion() });
    const client = tracker.wrap({ client: openai, customerId: 'cus_1', metadata: { feature: 'chat', inputTokens: 1 } });
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }] };
    const wrapped = await client.chat.completions.create(params);
    const bare = await openai.chat.completions.create(params);
    expect(wrapped).toEqual(bare);
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.events[0]).toMatchObject({ customerId: 'cus_1', eventName: 'llm.tokens' });
    // The caller's metadata is kept, but cannot override the counts.
    expect(rec.metadata()).toEqual({ feature: 'chat', ...expectedChatMeta });
    expect(rec.events[0]!.timestamp).toBeInstanceOf(Date);
  });

  it('keeps APIPromise helpers and untouched members working', async () => {
    fake.on('POST', '/v1/chat/completions', { json: chatCompletion() });
    const client = tracker.wrap({ client: openai, customerId: 'cus_1' });
    const { data, response: raw } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('Hello there!');
    expect(raw.status).toBe(200);
    expect(client.baseURL).toBe(`${fake.url}/v1`);
    expect(client instanceof OpenAI).toBe(true);
    // withOptions reads private state: it must run on the real client.
    expect(client.withOptions({ timeout: 5 }).baseURL).toBe(`${fake.url}/v1`);
    expect(client.chat.completions).toBe(client.chat.completions);
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
  });

  it('adds include_usage to a stream, hides the usage chunk, and records when the stream ends', async () => {
    fake.on('POST', '/v1/chat/completions', (req) => ({ sse: chatStream({ includeUsage: !!req.body.stream_options?.include_usage }) }));
    const client = tracker.wrap({ client: openai, customerId: 'cus_2' });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    expect(fake.requests[0]!.body.stream_options).toEqual({ include_usage: true });
    const seen: unknown[] = [];
    for await (const chunk of stream) {
      seen.push(chunk);
      expect(rec.events).toHaveLength(0); // counted at the end, not before
      expect(chunk.choices[0]).toBeDefined(); // code written for streams without usage keeps working
    }
    expect(seen).toHaveLength(4);
    await tracker.flush();
    expect(rec.metadata()).toEqual(expectedChatMeta);
  });

  it("leaves a caller's own include_usage alone and shows its usage chunk", async () => {
    fake.on('POST', '/v1/chat/completions', { sse: chatStream({ includeUsage: true }) });
    const client = tracker.wrap({ client: openai, customerId: 'cus_2' });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true },
    });
    const seen = [];
    for await (const chunk of stream) seen.push(chunk);
    expect(seen).toHaveLength(5);
    expect(seen[4]!.usage?.total_tokens).toBe(29);
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
  });

  it('reports through onError, not silently, when a stream ends without usage', async () => {
    fake.on('POST', '/v1/chat/completions', { sse: chatStream({ includeUsage: false }) });
    const client = tracker.wrap({ client: openai, customerId: 'cus_3' });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: false },
    });
    for await (const _ of stream) void _;
    expect(rec.events).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(expect.any(UsageNotReportedError));
    expect((onError.mock.calls[0]![0] as UsageNotReportedError).customerId).toBe('cus_3');
  });

  it('closes the stream and records nothing when the caller breaks before usage arrives', async () => {
    fake.on('POST', '/v1/chat/completions', (req) => ({ sse: chatStream({ includeUsage: !!req.body.stream_options?.include_usage }) }));
    const client = tracker.wrap({ client: openai, customerId: 'cus_4' });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    for await (const _ of stream) break;
    expect(stream.controller.signal.aborted).toBe(true);
    expect(rec.events).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(expect.any(UsageNotReportedError));
  });

  it('counts a tee()d stream once', async () => {
    fake.on('POST', '/v1/chat/completions', (req) => ({ sse: chatStream({ includeUsage: !!req.body.stream_options?.include_usage }) }));
    const client = tracker.wrap({ client: openai, customerId: 'cus_5' });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const [a, b] = stream.tee();
    for await (const _ of a) void _;
    for await (const _ of b) void _;
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
  });

  it('never fails or delays the call when recording stalls or fails', async () => {
    fake.on('POST', '/v1/chat/completions', { json: chatCompletion() });
    rec.gate = new Promise(() => {});
    const slow = tracker.wrap({ client: openai, customerId: 'cus_6' });
    await expect(slow.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })).resolves.toMatchObject({ id: 'chatcmpl-abc123' });

    const broken = new MemoryRecorder();
    broken.failWith = new Error('tally down');
    const t2 = createLLMTracker({ recorder: broken, onError });
    const c2 = t2.wrap({ client: openai, customerId: 'cus_6' });
    await expect(c2.chat.completions.create({ model: 'gpt-4o-mini', messages: [] })).resolves.toMatchObject({ id: 'chatcmpl-abc123' });
    await t2.flush();
    expect(onError).toHaveBeenCalledWith(broken.failWith, expect.objectContaining({ customerId: 'cus_6' }));
  });

  it('passes provider errors through unchanged and records nothing', async () => {
    fake.on('POST', '/v1/chat/completions', { status: 400, json: { error: { message: 'bad model', type: 'invalid_request_error', code: null, param: 'model' } } });
    const client = tracker.wrap({ client: openai, customerId: 'cus_7' });
    const err = await client.chat.completions.create({ model: 'nope', messages: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    await tracker.flush();
    expect(rec.events).toHaveLength(0);
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('OpenRouter (the openai client with another baseURL)', () => {
  it('is tracked the same way, with the routed model name', async () => {
    fake.on('POST', '/api/v1/chat/completions', (req) => ({ sse: chatStream({ model: 'anthropic/claude-3.5-sonnet', includeUsage: !!req.body.stream_options?.include_usage }) }));
    const openrouter = new OpenAI({ apiKey: 'sk-or-test', baseURL: `${fake.url}/api/v1`, maxRetries: 0 });
    const client = tracker.wrap({ client: openrouter, customerId: 'cus_or' });
    const stream = await client.chat.completions.create({ model: 'anthropic/claude-3.5-sonnet', messages: [{ role: 'user', content: 'hi' }], stream: true });
    for await (const _ of stream) void _;
    await tracker.flush();
    expect(rec.metadata()).toEqual({ ...expectedChatMeta, model: 'anthropic/claude-3.5-sonnet' });
  });
});

describe('openai responses.create', () => {
  const expected = { inputTokens: 36, outputTokens: 87, totalTokens: 123, model: 'o4-mini-2025-04-16', reasoningTokens: 64, cachedInputTokens: 16, cacheCreationInputTokens: 0 };

  it('records a response, keeping the SDK-added output_text', async () => {
    fake.on('POST', '/v1/responses', { json: response('completed') });
    const client = tracker.wrap({ client: openai, customerId: 'cus_r' });
    const r = await client.responses.create({ model: 'o4-mini', input: 'tell me a story' });
    expect(r.output_text).toBe('In a peaceful grove...');
    await tracker.flush();
    expect(rec.metadata()).toEqual(expected);
  });

  it('records a streamed response from response.completed', async () => {
    fake.on('POST', '/v1/responses', { sse: responseStream() });
    const client = tracker.wrap({ client: openai, customerId: 'cus_r' });
    const stream = await client.responses.create({ model: 'o4-mini', input: 'tell me a story', stream: true });
    const types = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['response.created', 'response.output_text.delta', 'response.output_text.delta', 'response.completed']);
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toEqual(expected);
  });
});
