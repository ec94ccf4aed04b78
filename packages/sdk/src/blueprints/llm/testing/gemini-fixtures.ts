import type { SseMessage } from './fake-provider-server.js';

/** Shapes from @google/genai's GenerateContentResponse. */
export const MODEL_VERSION = 'gemini-2.5-flash';

export const usageMetadata = {
  promptTokenCount: 120,
  candidatesTokenCount: 40,
  thoughtsTokenCount: 200,
  cachedContentTokenCount: 100,
  totalTokenCount: 360,
  promptTokensDetails: [{ modality: 'TEXT', tokenCount: 120 }],
};

export function generateContentResponse(text = 'The sky is blue because...', usage: Record<string, unknown> = usageMetadata) {
  return {
    candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: usage,
    modelVersion: MODEL_VERSION,
    responseId: 'resp-gemini-1',
  };
}

/** Every streamed chunk carries the running usageMetadata; the last one is the total. */
export function generateContentStream(): SseMessage[] {
  return [
    { data: generateContentResponse('The sky', { promptTokenCount: 120, candidatesTokenCount: 2, totalTokenCount: 122 }) },
    { data: generateContentResponse(' is blue', { promptTokenCount: 120, candidatesTokenCount: 20, thoughtsTokenCount: 200, totalTokenCount: 340 }) },
    { data: generateContentResponse(' because...', usageMetadata) },
  ];
}
