import { count, tokenUsage, type TokenUsage } from '../token-usage.js';

type Obj = Record<string, unknown>;

/**
 * Anthropic `usage`. Its `input_tokens` excludes cache reads and writes, so
 * they are added back: `inputTokens` is everything the prompt consumed, with
 * the cache parts broken out.
 */
export function fromAnthropicUsage(usage: unknown, model: string): TokenUsage | undefined {
  const u = usage && typeof usage === 'object' ? (usage as Obj) : undefined;
  const base = count(u?.input_tokens);
  if (!u || base === undefined) return undefined;
  const read = count(u.cache_read_input_tokens);
  const write = count(u.cache_creation_input_tokens);
  const details = u.output_tokens_details as Obj | null | undefined;
  return tokenUsage({
    inputTokens: base + (read ?? 0) + (write ?? 0),
    outputTokens: count(u.output_tokens) ?? 0,
    model,
    reasoningTokens: count(details?.thinking_tokens),
    cachedInputTokens: read,
    cacheCreationInputTokens: write,
  });
}

/**
 * Folds a `message_delta` usage into the usage from `message_start`: deltas
 * carry cumulative counts, and null means "unchanged".
 */
export function mergeAnthropicUsage(start: Obj | undefined, delta: Obj): Obj {
  const merged: Obj = { ...start };
  for (const [key, value] of Object.entries(delta)) if (value !== null && value !== undefined) merged[key] = value;
  return merged;
}
