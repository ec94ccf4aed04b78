import { count, tokenUsage, type TokenUsage } from '../token-usage.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' ? (v as Obj) : undefined);

/**
 * Vercel AI SDK usage, in any of its shapes:
 * - `LanguageModelUsage` of generateText/streamText (ai ≥ 5): flat numbers,
 *   with `inputTokenDetails`/`outputTokenDetails` since ai 6;
 * - a provider's `LanguageModelV3Usage` (seen by middleware / wrapped models):
 *   `inputTokens: {total, cacheRead, cacheWrite}`, `outputTokens: {total, reasoning}`.
 * In both, input includes cached tokens and output includes reasoning.
 */
export function fromAiSdkUsage(usage: unknown, model: string): TokenUsage | undefined {
  const u = obj(usage);
  if (!u) return undefined;
  const inObj = obj(u.inputTokens);
  const outObj = obj(u.outputTokens);
  if (inObj || outObj) {
    return tokenUsage({
      inputTokens: count(inObj?.total) ?? 0,
      outputTokens: count(outObj?.total) ?? 0,
      model,
      reasoningTokens: count(outObj?.reasoning),
      cachedInputTokens: count(inObj?.cacheRead),
      cacheCreationInputTokens: count(inObj?.cacheWrite),
    });
  }
  const input = count(u.inputTokens);
  const output = count(u.outputTokens);
  if (input === undefined && output === undefined) return undefined;
  const inDetails = obj(u.inputTokenDetails);
  const outDetails = obj(u.outputTokenDetails);
  return tokenUsage({
    inputTokens: input ?? 0,
    outputTokens: output ?? 0,
    totalTokens: count(u.totalTokens),
    model,
    reasoningTokens: count(u.reasoningTokens) ?? count(outDetails?.reasoningTokens),
    cachedInputTokens: count(u.cachedInputTokens) ?? count(inDetails?.cacheReadTokens),
    cacheCreationInputTokens: count(inDetails?.cacheWriteTokens),
  });
}
