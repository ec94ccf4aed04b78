import { count, tokenUsage, type TokenUsage } from '../token-usage.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' ? (v as Obj) : undefined);

/** Chat Completions `usage` (OpenAI, Groq, OpenRouter and other compatible APIs). */
export function fromChatUsage(usage: unknown, model: string): TokenUsage | undefined {
  const u = obj(usage);
  const input = count(u?.prompt_tokens);
  if (!u || input === undefined) return undefined;
  const completion = obj(u.completion_tokens_details);
  const prompt = obj(u.prompt_tokens_details);
  return tokenUsage({
    inputTokens: input,
    outputTokens: count(u.completion_tokens) ?? 0,
    totalTokens: count(u.total_tokens),
    model,
    reasoningTokens: count(completion?.reasoning_tokens),
    cachedInputTokens: count(prompt?.cached_tokens),
    cacheCreationInputTokens: count(prompt?.cache_write_tokens),
  });
}

/** Responses API `usage`: input_tokens counts cached tokens too (unlike Anthropic's). */
export function fromResponsesUsage(usage: unknown, model: string): TokenUsage | undefined {
  const u = obj(usage);
  const input = count(u?.input_tokens);
  if (!u || input === undefined) return undefined;
  const inDetails = obj(u.input_tokens_details);
  const outDetails = obj(u.output_tokens_details);
  return tokenUsage({
    inputTokens: input,
    outputTokens: count(u.output_tokens) ?? 0,
    totalTokens: count(u.total_tokens),
    model,
    reasoningTokens: count(outDetails?.reasoning_tokens),
    cachedInputTokens: count(inDetails?.cached_tokens),
    cacheCreationInputTokens: count(inDetails?.cache_write_tokens),
  });
}

/** Usage on a chat chunk: standard `usage`, or Groq's `x_groq.usage`. */
export function chatChunkUsage(chunk: unknown): unknown {
  const c = obj(chunk);
  return c?.usage ?? obj(c?.x_groq)?.usage ?? undefined;
}
