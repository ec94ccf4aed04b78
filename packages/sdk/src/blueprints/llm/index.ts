// LLM blueprint: token usage from OpenAI, Anthropic, Groq, Gemini, OpenRouter and the AI SDK.
export { createLLMTracker, type LLMTrackerHandle } from './factory.js';
export { LLMTracker, type TrackingConfig, type LLMTrackerOptions } from './tracker.js';
export { wrapLLMClient, type WrapperConfig } from './wrapper.js';
export { usageMiddleware, type UsageMiddleware } from './middleware.js';
export { extractUsage } from './extract-usage.js';
export { UsageNotReportedError } from './errors.js';
export type { TokenUsage } from './token-usage.js';
export type { Metadata, TrackErrorHandler } from '../shared/types.js';
