import type { CallContext, Interceptor } from '../call-context.js';
import { fromAnthropicUsage, mergeAnthropicUsage } from '../extract/anthropic.js';
import { isSdkStream, observeSdkStream, onResolved } from '../streams/stainless-stream.js';

type Obj = Record<string, unknown>;
type Message = { model?: string; usage?: Obj };

/** Raw stream events: usage starts in message_start and grows with each message_delta. */
function observeEvents(stream: Parameters<typeof observeSdkStream>[0], ctx: CallContext, requested: string) {
  observeSdkStream(stream, () => {
    let usage: Obj | undefined;
    let model = requested;
    return {
      onItem(event) {
        const e = event as { type?: string; message?: Message; usage?: Obj };
        if (e.type === 'message_start' && e.message) {
          usage = e.message.usage;
          model = e.message.model ?? model;
        } else if (e.type === 'message_delta' && e.usage) {
          usage = mergeAnthropicUsage(usage, e.usage);
        }
      },
      fail: (error) => ctx.tracker.fail(error),
      onEnd: (completed) => ctx.guard(() => ctx.record(fromAnthropicUsage(usage, model), 'message stream', !completed)),
    };
  });
}

/** messages.create, streaming or not (also beta.messages.create). */
export const anthropicCreate: Interceptor = (original, self, args, ctx) => {
  const result = original.apply(self, args);
  const requested = String((args[0] as { model?: unknown } | undefined)?.model ?? 'unknown');
  onResolved(
    result,
    (value) => {
      if (isSdkStream(value)) observeEvents(value, ctx, requested);
      else ctx.record(fromAnthropicUsage((value as Message)?.usage, (value as Message)?.model ?? requested), 'message');
    },
    (error) => ctx.tracker.fail(error),
  );
  return result;
};

interface MessageStreamLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  readonly currentMessage?: Message;
}

/**
 * messages.stream returns a MessageStream helper. Only 'finalMessage' and
 * 'end' are listened to: an 'error' or 'abort' listener would change how the
 * helper reports unhandled failures to the caller. An 'end' without a final
 * message (abort, error) records the partial snapshot when there is one.
 */
export const anthropicStream: Interceptor = (original, self, args, ctx) => {
  const stream = original.apply(self, args) as MessageStreamLike;
  const requested = String((args[0] as { model?: unknown } | undefined)?.model ?? 'unknown');
  ctx.guard(() => {
    let done = false;
    stream.on('finalMessage', (message) => {
      done = true;
      const m = message as Message;
      ctx.guard(() => ctx.record(fromAnthropicUsage(m.usage, m.model ?? requested), 'message stream'));
    });
    stream.on('end', () => {
      if (done) return;
      ctx.guard(() => {
        const snapshot = stream.currentMessage;
        if (snapshot?.usage) ctx.record(fromAnthropicUsage(snapshot.usage, snapshot.model ?? requested), 'message stream', true);
      });
    });
  });
  return stream;
};
