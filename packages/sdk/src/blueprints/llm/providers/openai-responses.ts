import type { Interceptor } from '../call-context.js';
import { fromResponsesUsage } from '../extract/openai.js';
import { isSdkStream, observeSdkStream, onResolved } from '../streams/stainless-stream.js';

type ResponseLike = { model?: string; usage?: unknown };

/**
 * responses.create (and .parse). A streamed response reports its usage on the
 * terminal event (response.completed, .incomplete or .failed), each carrying
 * the whole `response`.
 */
export const openAIResponsesCreate: Interceptor = (original, self, args, ctx) => {
  const result = original.apply(self, args);
  const requested = String((args[0] as { model?: unknown } | undefined)?.model ?? 'unknown');
  onResolved(
    result,
    (value) => {
      if (!isSdkStream(value)) {
        const r = value as ResponseLike;
        ctx.record(fromResponsesUsage(r?.usage, r?.model ?? requested), 'response');
        return;
      }
      observeSdkStream(value, () => {
        let last: ResponseLike | undefined;
        return {
          onItem(event) {
            const response = (event as { response?: ResponseLike }).response;
            if (response?.usage) last = response;
          },
          fail: (error) => ctx.tracker.fail(error),
          onEnd: (completed) =>
            ctx.guard(() => ctx.record(fromResponsesUsage(last?.usage, last?.model ?? requested), 'response stream', !completed)),
        };
      });
    },
    (error) => ctx.tracker.fail(error),
  );
  return result;
};
