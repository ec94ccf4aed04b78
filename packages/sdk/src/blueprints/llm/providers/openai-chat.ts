import type { CallContext, Interceptor } from '../call-context.js';
import { extractUsage } from '../extract-usage.js';
import { chatChunkUsage, fromChatUsage } from '../extract/openai.js';
import { isSdkStream, observeSdkStream, onResolved } from '../streams/stainless-stream.js';

type Params = Record<string, unknown> & { model?: string; stream?: boolean; stream_options?: Record<string, unknown> | null };

/** Adds include_usage unless the caller chose; returns whether it did. */
function withStreamUsage(params: Params, ctx: CallContext): [Params, boolean] {
  const chose = params.stream_options && 'include_usage' in params.stream_options;
  if (params.stream !== true || chose || !ctx.tracker.includeStreamUsage) return [params, false];
  return [{ ...params, stream_options: { ...params.stream_options, include_usage: true } }, true];
}

/** The chunk include_usage appends: usage, and no choices. */
const isUsageOnlyChunk = (chunk: unknown) => {
  const c = chunk as { choices?: unknown[]; usage?: unknown };
  return Array.isArray(c.choices) && c.choices.length === 0 && !!c.usage;
};

function observeChatStream(stream: Parameters<typeof observeSdkStream>[0], ctx: CallContext, requested: string, injected: boolean) {
  observeSdkStream(stream, () => {
    let usage: unknown;
    let model = requested;
    return {
      onItem(chunk) {
        const c = chunk as { model?: string };
        if (typeof c.model === 'string' && c.model) model = c.model;
        usage = chatChunkUsage(chunk) ?? usage;
      },
      hide: injected ? isUsageOnlyChunk : undefined,
      fail: (error) => ctx.tracker.fail(error),
      onEnd: (completed) => ctx.guard(() => ctx.record(fromChatUsage(usage, model), 'chat completion stream', !completed)),
    };
  });
}

/**
 * chat.completions.create (and .parse) of the openai and groq-sdk clients,
 * OpenRouter included. Non-streaming responses are read when they resolve;
 * streams are counted when they end (see `includeStreamUsage`).
 */
export const openAIChatCreate: Interceptor = (original, self, args, ctx) => {
  const params = (args[0] ?? {}) as Params;
  const [sent, injected] = withStreamUsage(params, ctx);
  const result = original.apply(self, [sent, ...args.slice(1)]);
  const requested = typeof params.model === 'string' ? params.model : 'unknown';
  onResolved(
    result,
    (value) => {
      if (isSdkStream(value)) observeChatStream(value, ctx, requested, injected);
      else ctx.record(extractUsage(value, requested), 'chat completion');
    },
    (error) => ctx.tracker.fail(error),
  );
  return result;
};
