import type { RetryInfo } from '../client/config.js';
import { BadRequestError, PayloadTooLargeError } from '../client/errors.js';
import type { Ingestion } from '../client/ingestion.js';
import { isRetryable } from '../client/retry-policy.js';
import type { IngestResponse, WireEvent } from '../client/wire-event.js';
import { deadLetters, issuesByIndex, type DeadLetter } from './dead-letter.js';

export interface ChunkContext {
  signal: AbortSignal;
  /** Before each HTTP attempt (the first and every retry). */
  onAttempt: (events: number) => void;
  onRetry: (info: RetryInfo & { events: number }) => void;
  onAcknowledged: (events: WireEvent[], response: IngestResponse, durationMs: number) => void;
  onError: (error: unknown, events: WireEvent[], willRetry: boolean) => void;
}

export interface ChunkOutcome {
  dead: DeadLetter[];
  /** Events to send again later: the failure was transient. */
  retryLater: WireEvent[];
  error: unknown;
}

/**
 * Delivers one request's events, splitting on refusals the server can name:
 * a 400 names bad events by index, so those are dead-lettered and the rest
 * resent (the server stores nothing of a request with a bad event); a 413
 * halves the request. Other 4xx dead-letter the whole chunk; transient
 * failures that outlast the client's retries hand the chunk back.
 */
export async function deliverChunk(ingestion: Ingestion, events: WireEvent[], ctx: ChunkContext): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { dead: [], retryLater: [], error: undefined };
  const pending: WireEvent[][] = [events];
  while (pending.length > 0) {
    const part = pending.shift()!;
    const started = Date.now();
    ctx.onAttempt(part.length);
    try {
      const response = await ingestion.send(part, {
        signal: ctx.signal,
        keepAlive: false,
        onRetry: (info) => {
          ctx.onRetry({ ...info, events: part.length });
          ctx.onAttempt(part.length);
        },
      });
      ctx.onAcknowledged(part, response, Date.now() - started);
      continue;
    } catch (error) {
      outcome.error = error;
      if (error instanceof BadRequestError) {
        const byIndex = issuesByIndex(error.issues, part.length);
        const good = part.filter((_, i) => !byIndex.has(i));
        if (byIndex.size > 0 && good.length > 0) {
          ctx.onError(error, part.filter((_, i) => byIndex.has(i)), false);
          outcome.dead.push(...deadLetters(part, error, byIndex).filter((_, i) => byIndex.has(i)));
          pending.unshift(good);
          continue;
        }
      }
      if (error instanceof PayloadTooLargeError && part.length > 1) {
        const half = Math.ceil(part.length / 2);
        pending.unshift(part.slice(0, half), part.slice(half));
        continue;
      }
      const transient = isRetryable(error) || ctx.signal.aborted;
      ctx.onError(error, part, transient);
      if (transient) outcome.retryLater.push(...part, ...pending.flat());
      else outcome.dead.push(...deadLetters(part, error, error instanceof BadRequestError ? issuesByIndex(error.issues, part.length) : undefined));
      if (transient) break;
    }
  }
  return outcome;
}
