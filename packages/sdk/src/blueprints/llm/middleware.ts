import type { Metadata } from '../shared/types.js';
import { CallContext } from './call-context.js';
import { trackGenerate, trackStream } from './providers/ai-sdk-model.js';
import type { LLMTracker } from './tracker.js';

type Model = { modelId?: string };

/**
 * Structurally an AI SDK `LanguageModelMiddleware` (spec v3, ai ≥ 6), declared
 * here so the SDK needs no import of 'ai'. Use with `wrapLanguageModel`.
 */
export interface UsageMiddleware {
  readonly specificationVersion: 'v3';
  wrapGenerate(options: { doGenerate: () => PromiseLike<any>; model: Model }): Promise<any>;
  wrapStream(options: { doStream: () => PromiseLike<any>; model: Model }): Promise<any>;
}

/**
 * Middleware that records every model call (each step of a tool loop is its
 * own event) for `customerId`. Streams are counted when they end.
 */
export function usageMiddleware(tracker: LLMTracker, args: { customerId: string; metadata?: Metadata }): UsageMiddleware {
  const ctx = new CallContext(tracker, args.customerId, args.metadata);
  return {
    specificationVersion: 'v3',
    wrapGenerate: ({ doGenerate, model }) => trackGenerate(ctx, model, doGenerate),
    wrapStream: ({ doStream, model }) => trackStream(ctx, model, doStream),
  };
}
