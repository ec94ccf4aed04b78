import type { Metadata } from '../shared/types.js';
import { CallContext } from './call-context.js';
import { isLanguageModel } from './providers/ai-sdk-model.js';
import { proxyClient } from './proxy-client.js';
import { CLIENT_ROUTES, MODEL_ROUTES } from './routes.js';
import type { LLMTracker } from './tracker.js';

export interface WrapperConfig {
  tracker: LLMTracker;
  customerId: string;
  metadata?: Metadata;
}

/**
 * Returns `client` behind a Proxy that records token usage of its LLM calls
 * for `customerId`. The caller gets the provider's own results, unchanged and
 * without waiting for the recording; everything else passes through.
 * Supported: openai (chat.completions, responses; also for OpenRouter and
 * other compatible APIs), groq-sdk, @anthropic-ai/sdk (messages.create,
 * messages.stream), @google/genai (models.generateContent[Stream]), an AI SDK
 * LanguageModel, or an object of AI SDK functions ({ generateText, streamText }).
 */
export function wrapLLMClient<T>(client: T, config: WrapperConfig): T {
  if (!client || (typeof client !== 'object' && typeof client !== 'function')) {
    throw new TypeError('wrap: client must be an LLM client object');
  }
  const ctx = new CallContext(config.tracker, config.customerId, config.metadata);
  const routes = isLanguageModel(client) ? MODEL_ROUTES : CLIENT_ROUTES;
  return proxyClient(client as T & object, routes, ctx);
}
