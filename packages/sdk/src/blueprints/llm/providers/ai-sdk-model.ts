import type { CallContext, Interceptor } from '../call-context.js';
import { fromAiSdkUsage } from '../extract/ai-sdk.js';
import { observeReadable } from '../streams/observe-readable.js';

type Model = { modelId?: string };
type GenerateResult = { usage?: unknown; response?: { modelId?: string } };
type StreamResult = { stream: ReadableStream<unknown> };

/** True for an AI SDK LanguageModel (provider spec v2 or v3), e.g. openai('gpt-4o'). */
export function isLanguageModel(value: unknown): boolean {
  const m = value as { specificationVersion?: unknown; doGenerate?: unknown; doStream?: unknown } | null;
  return !!m && typeof m === 'object' && typeof m.specificationVersion === 'string' && typeof m.doGenerate === 'function' && typeof m.doStream === 'function';
}

export async function trackGenerate(ctx: CallContext, model: Model, doGenerate: () => PromiseLike<unknown>): Promise<unknown> {
  const result = (await doGenerate()) as GenerateResult;
  ctx.guard(() => ctx.record(fromAiSdkUsage(result?.usage, result?.response?.modelId ?? model.modelId ?? 'unknown'), 'AI SDK model call'));
  return result;
}

/** Usage arrives in the 'finish' part; the model id may come in 'response-metadata'. */
export async function trackStream(ctx: CallContext, model: Model, doStream: () => PromiseLike<unknown>): Promise<unknown> {
  const result = (await doStream()) as StreamResult;
  let usage: unknown;
  let modelId = model.modelId ?? 'unknown';
  const stream = observeReadable(result.stream, {
    onItem(part) {
      const p = part as { type?: string; usage?: unknown; modelId?: string };
      if (p.type === 'finish') usage = p.usage;
      else if (p.type === 'response-metadata' && p.modelId) modelId = p.modelId;
    },
    fail: (error) => ctx.tracker.fail(error),
    onEnd: (completed) => ctx.guard(() => ctx.record(fromAiSdkUsage(usage, modelId), 'AI SDK model stream', !completed)),
  });
  return { ...result, stream };
}

/** For `tracker.wrap({ client: model })`: one event per model call (per step). */
export const modelGenerate: Interceptor = (original, self, args, ctx) =>
  trackGenerate(ctx, self as Model, () => original.apply(self, args) as PromiseLike<unknown>);

export const modelStream: Interceptor = (original, self, args, ctx) =>
  trackStream(ctx, self as Model, () => original.apply(self, args) as PromiseLike<unknown>);
