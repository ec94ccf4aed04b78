import type { Metadata } from '../shared/types.js';

/**
 * Token counts normalised across providers. `inputTokens` always includes
 * cached input (read or written), so the same meter means the same thing for
 * every provider; the cache and reasoning fields are subsets, present only
 * where the provider reports them.
 */
export interface TokenUsage {
  inputTokens: number;
  /** Includes reasoning tokens (what providers bill as output). */
  outputTokens: number;
  totalTokens: number;
  model: string;
  /** Output tokens spent on reasoning / thinking. */
  reasoningTokens?: number;
  /** Input tokens read from the provider's prompt cache. */
  cachedInputTokens?: number;
  /** Input tokens written to the prompt cache (Anthropic, some OpenAI models). */
  cacheCreationInputTokens?: number;
}

/** A non-negative finite number, or undefined (providers send null for "n/a"). */
export function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function usageToMetadata(usage: TokenUsage): Metadata {
  const out: Metadata = {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    totalTokens: usage.totalTokens,
    model: usage.model,
  };
  if (usage.reasoningTokens !== undefined) out.reasoningTokens = usage.reasoningTokens;
  if (usage.cachedInputTokens !== undefined) out.cachedInputTokens = usage.cachedInputTokens;
  if (usage.cacheCreationInputTokens !== undefined) out.cacheCreationInputTokens = usage.cacheCreationInputTokens;
  return out;
}

/** Drops undefined optional fields so results compare and serialise cleanly. */
export function tokenUsage(fields: {
  inputTokens: number;
  outputTokens: number;
  totalTokens?: number;
  model: string;
  reasoningTokens?: number;
  cachedInputTokens?: number;
  cacheCreationInputTokens?: number;
}): TokenUsage {
  const usage: TokenUsage = {
    inputTokens: fields.inputTokens,
    outputTokens: fields.outputTokens,
    totalTokens: fields.totalTokens ?? fields.inputTokens + fields.outputTokens,
    model: fields.model,
  };
  if (fields.reasoningTokens !== undefined) usage.reasoningTokens = fields.reasoningTokens;
  if (fields.cachedInputTokens !== undefined) usage.cachedInputTokens = fields.cachedInputTokens;
  if (fields.cacheCreationInputTokens !== undefined) usage.cacheCreationInputTokens = fields.cacheCreationInputTokens;
  return usage;
}
