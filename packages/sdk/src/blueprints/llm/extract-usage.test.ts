import { describe, expect, it } from 'vitest';
import { extractUsage } from './extract-usage.js';

describe('extractUsage', () => {
  it('reads OpenAI chat usage with reasoning, cache reads and cache writes', () => {
    const u = extractUsage({
      model: 'o4-mini',
      usage: {
        prompt_tokens: 120, completion_tokens: 80, total_tokens: 200,
        completion_tokens_details: { reasoning_tokens: 64 },
        prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 0 },
      },
    });
    expect(u).toEqual({ inputTokens: 120, outputTokens: 80, totalTokens: 200, model: 'o4-mini', reasoningTokens: 64, cachedInputTokens: 100, cacheCreationInputTokens: 0 });
  });

  it("reads Groq's x_groq.usage on a stream chunk", () => {
    expect(extractUsage({ model: 'llama', x_groq: { usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } } }))
      .toEqual({ inputTokens: 3, outputTokens: 4, totalTokens: 7, model: 'llama' });
  });

  it('tells OpenAI Responses usage from Anthropic usage', () => {
    const responses = extractUsage({
      model: 'gpt-5',
      usage: { input_tokens: 50, output_tokens: 10, total_tokens: 60, input_tokens_details: { cached_tokens: 20 }, output_tokens_details: { reasoning_tokens: 4 } },
    });
    expect(responses).toEqual({ inputTokens: 50, outputTokens: 10, totalTokens: 60, model: 'gpt-5', reasoningTokens: 4, cachedInputTokens: 20 });
    const anthropic = extractUsage({
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 10, output_tokens: 5, cache_read_input_tokens: 100, cache_creation_input_tokens: 30 },
    });
    // Anthropic's input_tokens excludes the cache; Tally's inputTokens includes it.
    expect(anthropic).toEqual({ inputTokens: 140, outputTokens: 5, totalTokens: 145, model: 'claude-sonnet-4-5', cachedInputTokens: 100, cacheCreationInputTokens: 30 });
  });

  it('reads Gemini usageMetadata: thoughts are output, tool prompts are input', () => {
    const u = extractUsage({
      modelVersion: 'gemini-2.5-flash',
      usageMetadata: { promptTokenCount: 40, candidatesTokenCount: 10, thoughtsTokenCount: 25, toolUsePromptTokenCount: 5, cachedContentTokenCount: 32, totalTokenCount: 80 },
    });
    expect(u).toEqual({ inputTokens: 45, outputTokens: 35, totalTokens: 80, model: 'gemini-2.5-flash', reasoningTokens: 25, cachedInputTokens: 32 });
  });

  it('prefers an AI SDK result totalUsage over the last step usage', () => {
    const u = extractUsage({
      response: { modelId: 'gpt-4o' },
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      totalUsage: { inputTokens: 30, outputTokens: 12, totalTokens: 42, outputTokenDetails: { reasoningTokens: 2 }, inputTokenDetails: { cacheReadTokens: 8 } },
    });
    expect(u).toEqual({ inputTokens: 30, outputTokens: 12, totalTokens: 42, model: 'gpt-4o', reasoningTokens: 2, cachedInputTokens: 8 });
  });

  it('reads the provider-level LanguageModelV3 usage', () => {
    const u = extractUsage({ inputTokens: { total: 9, noCache: 4, cacheRead: 5 }, outputTokens: { total: 3, text: 2, reasoning: 1 } }, 'm');
    expect(u).toEqual({ inputTokens: 9, outputTokens: 3, totalTokens: 12, model: 'm', reasoningTokens: 1, cachedInputTokens: 5 });
  });

  it('accepts a bare usage object and returns nothing for responses without usage', () => {
    expect(extractUsage({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }, 'x')).toMatchObject({ totalTokens: 3, model: 'x' });
    expect(extractUsage({ id: 'chatcmpl-1', choices: [] })).toBeUndefined();
    expect(extractUsage(null)).toBeUndefined();
    expect(extractUsage({ model: 'm', usage: { prompt_tokens: null } })).toBeUndefined();
  });
});
