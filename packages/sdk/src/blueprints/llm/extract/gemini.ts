import { count, tokenUsage, type TokenUsage } from '../token-usage.js';

type Obj = Record<string, unknown>;

/**
 * Gemini `usageMetadata`. Output is candidates + thoughts (both billed as
 * output); tool-use prompt tokens are input. `promptTokenCount` already
 * includes `cachedContentTokenCount`.
 */
export function fromGeminiUsage(usageMetadata: unknown, model: string): TokenUsage | undefined {
  const u = usageMetadata && typeof usageMetadata === 'object' ? (usageMetadata as Obj) : undefined;
  if (!u) return undefined;
  const prompt = count(u.promptTokenCount);
  const candidates = count(u.candidatesTokenCount);
  if (prompt === undefined && candidates === undefined) return undefined;
  const thoughts = count(u.thoughtsTokenCount);
  const input = (prompt ?? 0) + (count(u.toolUsePromptTokenCount) ?? 0);
  const output = (candidates ?? 0) + (thoughts ?? 0);
  return tokenUsage({
    inputTokens: input,
    outputTokens: output,
    totalTokens: count(u.totalTokenCount) ?? input + output,
    model,
    reasoningTokens: thoughts,
    cachedInputTokens: count(u.cachedContentTokenCount),
  });
}
