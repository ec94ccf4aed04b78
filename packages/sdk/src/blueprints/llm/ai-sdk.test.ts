import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { createLLMTracker } from './factory.js';
import { FakeProviderServer } from './testing/fake-provider-server.js';
import { chatCompletion, chatStream } from './testing/openai-fixtures.js';

let fake: FakeProviderServer;
let provider: ReturnType<typeof createOpenAI>;
let rec: MemoryRecorder;
let tracker: ReturnType<typeof createLLMTracker>;

beforeAll(async () => {
  fake = await FakeProviderServer.start();
  fake.on('POST', '/v1/chat/completions', (req) =>
    req.body.stream ? { sse: chatStream({ includeUsage: !!req.body.stream_options?.include_usage }) } : { json: chatCompletion() },
  );
  provider = createOpenAI({ apiKey: 'sk-test', baseURL: `${fake.url}/v1` });
});
afterAll(() => fake.close());
beforeEach(() => {
  rec = new MemoryRecorder();
  tracker = createLLMTracker({ recorder: rec, eventName: 'ai.tokens', onError: () => {} });
});

const expected = { inputTokens: 19, outputTokens: 10, totalTokens: 29, model: 'gpt-4o-mini-2024-07-18', reasoningTokens: 4, cachedInputTokens: 8 };

async function drain(result: { textStream: AsyncIterable<string> }): Promise<string> {
  let text = '';
  for await (const delta of result.textStream) text += delta;
  return text;
}

describe('Vercel AI SDK', () => {
  it('wraps { generateText, streamText } as upstream does', async () => {
    const ai = tracker.wrap({ client: { generateText, streamText }, customerId: 'cus_ai', metadata: { route: '/chat' } });
    const r = await ai.generateText({ model: provider.chat('gpt-4o-mini'), prompt: 'hi' });
    expect(r.text).toBe('Hello there!');
    const s = ai.streamText({ model: provider.chat('gpt-4o-mini'), prompt: 'hi' });
    expect(await drain(s)).toBe('Hello there!');
    await expect.poll(() => rec.events.length).toBe(2);
    expect(rec.events.map((e) => e.metadata)).toEqual([{ route: '/chat', ...expected }, { route: '/chat', ...expected }]);
    expect(rec.events[0]!.eventName).toBe('ai.tokens');
  });

  it('records each model call through wrapLanguageModel middleware', async () => {
    const model = wrapLanguageModel({ model: provider.chat('gpt-4o-mini'), middleware: tracker.middleware({ customerId: 'cus_mw' }) });
    const r = await generateText({ model, prompt: 'hi' });
    expect(r.usage.totalTokens).toBe(29);
    expect(await drain(streamText({ model, prompt: 'hi' }))).toBe('Hello there!');
    await tracker.flush();
    expect(rec.events).toHaveLength(2);
    expect(rec.events.every((e) => e.customerId === 'cus_mw')).toBe(true);
    expect(rec.metadata(0)).toEqual(expected);
    expect(rec.metadata(1)).toEqual(expected);
  });

  it('wraps a LanguageModel directly, keeping its identity fields', async () => {
    const model = tracker.wrap({ client: provider.chat('gpt-4o-mini'), customerId: 'cus_m' });
    expect(model.modelId).toBe('gpt-4o-mini');
    expect(model.provider).toBe('openai.chat');
    const s = streamText({ model, prompt: 'hi' });
    expect(await drain(s)).toBe('Hello there!');
    expect((await s.totalUsage).totalTokens).toBe(29);
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toEqual(expected);
  });
});
