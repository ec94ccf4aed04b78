import Groq from 'groq-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { createLLMTracker } from './factory.js';
import { FakeProviderServer } from './testing/fake-provider-server.js';
import { chatCompletion, groqStream } from './testing/openai-fixtures.js';

let fake: FakeProviderServer;
let groq: Groq;
let rec: MemoryRecorder;
let tracker: ReturnType<typeof createLLMTracker>;

beforeAll(async () => {
  fake = await FakeProviderServer.start();
  groq = new Groq({ apiKey: 'gsk_test', baseURL: fake.url, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => {
  rec = new MemoryRecorder();
  tracker = createLLMTracker({ recorder: rec, onError: () => {} });
});

describe('groq-sdk chat.completions.create', () => {
  it('records a completion', async () => {
    const usage = { queue_time: 0.02, prompt_tokens: 24, prompt_time: 0.001, completion_tokens: 377, completion_time: 0.5, total_tokens: 401, total_time: 0.501 };
    fake.on('POST', '/openai/v1/chat/completions', { json: chatCompletion('llama-3.3-70b-versatile', { usage, x_groq: { id: 'req_01' } }) });
    const client = tracker.wrap({ client: groq, customerId: 'cus_g' });
    const r = await client.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'hi' }] });
    expect(r.choices[0]!.message.content).toBe('Hello there!');
    await tracker.flush();
    expect(rec.metadata()).toEqual({ inputTokens: 24, outputTokens: 377, totalTokens: 401, model: 'llama-3.3-70b-versatile' });
  });

  it("records a stream from x_groq.usage, chunks unchanged", async () => {
    fake.on('POST', '/openai/v1/chat/completions', { sse: groqStream() });
    const client = tracker.wrap({ client: groq, customerId: 'cus_g' });
    const stream = await client.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]!.x_groq?.usage?.total_tokens).toBe(18);
    await tracker.flush();
    expect(rec.metadata()).toEqual({ inputTokens: 12, outputTokens: 6, totalTokens: 18, model: 'llama-3.3-70b-versatile' });
  });
});
