import type { Interceptor } from '../call-context.js';
import { extractUsage } from '../extract-usage.js';
import { fromAiSdkUsage } from '../extract/ai-sdk.js';
import { onResolved } from '../streams/stainless-stream.js';

/**
 * `generateText` / `generateObject` from 'ai', wrapped as functions
 * (`tracker.wrap({ client: { generateText, streamText }, ... })`, as upstream):
 * one event per call, from `totalUsage` (every step of a tool loop).
 */
export const aiGenerate: Interceptor = (original, self, args, ctx) => {
  const result = original.apply(self, args);
  onResolved(result, (value) => ctx.record(extractUsage(value), 'AI SDK result'), (error) => ctx.tracker.fail(error));
  return result;
};

type StreamResult = { totalUsage?: PromiseLike<unknown>; usage?: PromiseLike<unknown>; response?: PromiseLike<{ modelId?: string }> };

/**
 * `streamText` / `streamObject` return their result at once; its usage and
 * response promises settle when the stream has been read to the end. A stream
 * that fails or is never read records nothing (the failure is the caller's).
 */
export const aiStream: Interceptor = (original, self, args, ctx) => {
  const result = original.apply(self, args) as StreamResult;
  ctx.guard(() => {
    const usage = result.totalUsage ?? result.usage;
    if (!usage) return;
    Promise.all([usage, result.response]).then(
      ([u, response]) => ctx.guard(() => ctx.record(fromAiSdkUsage(u, response?.modelId ?? 'unknown'), 'AI SDK stream')),
      () => {},
    );
  });
  return result;
};
