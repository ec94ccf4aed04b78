import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRecorder } from '../testing/memory-recorder.js';
import { createLLMTracker } from './factory.js';
import { FakeProviderServer } from './testing/fake-provider-server.js';
import { MODEL_VERSION, generateContentResponse, generateContentStream } from './testing/gemini-fixtures.js';

let fake: FakeProviderServer;
let ai: GoogleGenAI;
let rec: MemoryRecorder;
let tracker: ReturnType<typeof createLLMTracker>;

beforeAll(async () => {
  fake = await FakeProviderServer.start();
  ai = new GoogleGenAI({ apiKey: 'gemini-test', httpOptions: { baseUrl: fake.url } });
});
afterAll(() => fake.close());
beforeEach(() => {
  rec = new MemoryRecorder();
  tracker = createLLMTracker({ recorder: rec, onError: () => {} });
});

const expected = { inputTokens: 120, outputTokens: 240, totalTokens: 360, model: MODEL_VERSION, reasoningTokens: 200, cachedInputTokens: 100 };

describe('@google/genai models', () => {
  it('records generateContent, response unchanged', async () => {
    fake.on('POST', '/v1beta/models/gemini-2.5-flash:generateContent', { json: generateContentResponse() });
    const client = tracker.wrap({ client: ai, customerId: 'cus_gm' });
    const r = await client.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Why is the sky blue?' });
    expect(r.text).toBe('The sky is blue because...');
    await tracker.flush();
    expect(rec.metadata()).toEqual(expected);
  });

  it('records generateContentStream once, from the last chunk', async () => {
    fake.on('POST', '/v1beta/models/gemini-2.5-flash:streamGenerateContent', { sse: generateContentStream() });
    const client = tracker.wrap({ client: ai, customerId: 'cus_gm' });
    const stream = await client.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Why is the sky blue?' });
    let text = '';
    for await (const chunk of stream) {
      text += chunk.text;
      expect(rec.events).toHaveLength(0);
    }
    expect(text).toBe('The sky is blue because...');
    await tracker.flush();
    expect(rec.events).toHaveLength(1);
    expect(rec.metadata()).toEqual(expected);
  });
});
