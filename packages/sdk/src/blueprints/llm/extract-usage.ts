import { fromAiSdkUsage } from './extract/ai-sdk.js';
import { fromAnthropicUsage } from './extract/anthropic.js';
import { fromGeminiUsage } from './extract/gemini.js';
import { chatChunkUsage, fromChatUsage, fromResponsesUsage } from './extract/openai.js';
import type { TokenUsage } from './token-usage.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' ? (v as Obj) : undefined);

function modelOf(response: Obj, fallback: string | undefined): string {
  const meta = obj(response.response);
  const model = response.model ?? response.modelVersion ?? meta?.modelId ?? fallback;
  return typeof model === 'string' && model !== '' ? model : 'unknown';
}

/** Picks the parser from the usage object's own field names. */
export function fromUsageObject(usage: unknown, model: string): TokenUsage | undefined {
  const u = obj(usage);
  if (!u) return undefined;
  if ('prompt_tokens' in u) return fromChatUsage(u, model);
  // Both use input_tokens; only OpenAI's Responses API reports a total or details.
  if ('input_tokens' in u) {
    return 'total_tokens' in u || 'input_tokens_details' in u ? fromResponsesUsage(u, model) : fromAnthropicUsage(u, model);
  }
  if ('promptTokenCount' in u || 'candidatesTokenCount' in u) return fromGeminiUsage(u, model);
  if ('inputTokens' in u || 'outputTokens' in u) return fromAiSdkUsage(u, model);
  return undefined;
}

/**
 * Token usage from any supported provider's response, or from a bare usage
 * object: OpenAI/Groq/OpenRouter chat completions, OpenAI responses,
 * Anthropic messages, Gemini responses, AI SDK results (their `totalUsage`,
 * which sums every step, wins over the last step's `usage`).
 */
export function extractUsage(response: unknown, fallbackModel?: string): TokenUsage | undefined {
  const r = obj(response);
  if (!r) return undefined;
  const model = modelOf(r, fallbackModel);
  if (r.usageMetadata) return fromGeminiUsage(r.usageMetadata, model);
  const usage = r.totalUsage ?? chatChunkUsage(r);
  return usage ? fromUsageObject(usage, model) : fromUsageObject(r, model);
}
