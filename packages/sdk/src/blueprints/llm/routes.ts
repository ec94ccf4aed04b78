import type { Route } from './call-context.js';
import { aiGenerate, aiStream } from './providers/ai-sdk-functions.js';
import { modelGenerate, modelStream } from './providers/ai-sdk-model.js';
import { anthropicCreate, anthropicStream } from './providers/anthropic.js';
import { geminiGenerate, geminiGenerateStream } from './providers/gemini.js';
import { openAIChatCreate } from './providers/openai-chat.js';
import { openAIResponsesCreate } from './providers/openai-responses.js';

/**
 * The methods tracked on a wrapped client, by path from the client. A path
 * that a client lacks is simply never hit, so one table serves every SDK.
 */
export const CLIENT_ROUTES: readonly Route[] = [
  // openai, groq-sdk (OpenRouter and other compatible APIs use the openai client)
  { path: ['chat', 'completions', 'create'], intercept: openAIChatCreate },
  { path: ['chat', 'completions', 'parse'], intercept: openAIChatCreate },
  { path: ['responses', 'create'], intercept: openAIResponsesCreate },
  { path: ['responses', 'parse'], intercept: openAIResponsesCreate },
  // @anthropic-ai/sdk
  { path: ['messages', 'create'], intercept: anthropicCreate },
  { path: ['messages', 'stream'], intercept: anthropicStream },
  { path: ['beta', 'messages', 'create'], intercept: anthropicCreate },
  { path: ['beta', 'messages', 'stream'], intercept: anthropicStream },
  // @google/genai
  { path: ['models', 'generateContent'], intercept: geminiGenerate },
  { path: ['models', 'generateContentStream'], intercept: geminiGenerateStream },
  // 'ai' functions, wrapped as an object: { generateText, streamText, ... }
  { path: ['generateText'], intercept: aiGenerate },
  { path: ['generateObject'], intercept: aiGenerate },
  { path: ['streamText'], intercept: aiStream },
  { path: ['streamObject'], intercept: aiStream },
];

/** An AI SDK LanguageModel: every call of the model is tracked. */
export const MODEL_ROUTES: readonly Route[] = [
  { path: ['doGenerate'], intercept: modelGenerate },
  { path: ['doStream'], intercept: modelStream },
];
