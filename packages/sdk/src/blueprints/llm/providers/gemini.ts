import type { Interceptor } from '../call-context.js';
import { fromGeminiUsage } from '../extract/gemini.js';
import { observeIterator } from '../streams/observe-iterator.js';
import { onResolved } from '../streams/stainless-stream.js';

type Chunk = { usageMetadata?: unknown; modelVersion?: string };

const requestedModel = (args: unknown[]) => String((args[0] as { model?: unknown } | undefined)?.model ?? 'unknown');

/** @google/genai models.generateContent. */
export const geminiGenerate: Interceptor = (original, self, args, ctx) => {
  const result = original.apply(self, args);
  const requested = requestedModel(args);
  onResolved(
    result,
    (value) => {
      const r = value as Chunk;
      ctx.record(fromGeminiUsage(r?.usageMetadata, r?.modelVersion ?? requested), 'generateContent');
    },
    (error) => ctx.tracker.fail(error),
  );
  return result;
};

/**
 * models.generateContentStream resolves to an async generator of chunks; each
 * chunk's usageMetadata is the running total, so the last one counts. The
 * caller gets an equivalent generator that yields the same chunks.
 */
export const geminiGenerateStream: Interceptor = (original, self, args, ctx) => {
  const requested = requestedModel(args);
  return Promise.resolve(original.apply(self, args)).then((generator) => {
    let last: Chunk | undefined;
    return observeIterator(generator as AsyncIterator<Chunk>, {
      onItem(chunk) {
        if (chunk?.usageMetadata) last = chunk;
      },
      fail: (error) => ctx.tracker.fail(error),
      onEnd: (completed) =>
        ctx.guard(() => ctx.record(fromGeminiUsage(last?.usageMetadata, last?.modelVersion ?? requested), 'generateContentStream', !completed)),
    });
  });
};
