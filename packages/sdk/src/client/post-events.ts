import { APIConnectionError, APIConnectionTimeoutError, APIError, type ErrorBody } from './errors.js';
import type { ResolvedConfig } from './config.js';
import type { TransportAnswer } from './transport.js';
import type { IngestResponse, WireEvent } from './wire-event.js';

async function readBody(res: TransportAnswer): Promise<{ json?: unknown; text: string }> {
  const text = await res.text();
  try {
    return { json: JSON.parse(text), text };
  } catch {
    return { text };
  }
}

/**
 * One `POST /events/ingest` attempt, no retries. Throws APIError (by status),
 * APIConnectionTimeoutError after `timeoutMs`, APIConnectionError when no
 * answer came, or the caller's abort reason when `signal` aborted.
 */
export async function postEvents(cfg: ResolvedConfig, events: WireEvent[], signal?: AbortSignal): Promise<IngestResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, cfg.timeoutMs);
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal?.aborted) throw signal.reason;
    let res: TransportAnswer;
    try {
      res = await cfg.transport(`${cfg.baseURL}/events/ingest`, {
        headers: { authorization: `Bearer ${cfg.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ events }),
        signal: controller.signal,
      });
    } catch (err) {
      if (timedOut) throw new APIConnectionTimeoutError(`No answer from ${cfg.baseURL} within ${cfg.timeoutMs} ms.`);
      if (signal?.aborted) throw signal.reason;
      throw new APIConnectionError(`Could not reach ${cfg.baseURL}: ${(err as Error)?.message ?? err}`, { cause: err });
    }
    const body = await readBody(res).catch((err: unknown) => {
      if (timedOut) throw new APIConnectionTimeoutError(`The answer from ${cfg.baseURL} took over ${cfg.timeoutMs} ms.`);
      if (signal?.aborted) throw signal.reason;
      throw new APIConnectionError(`The connection broke while reading the answer: ${(err as Error)?.message}`, { cause: err });
    });
    if (res.status < 200 || res.status > 299) {
      const json = body.json && typeof body.json === 'object' ? (body.json as ErrorBody) : undefined;
      throw APIError.generate(res.status, json, body.text.slice(0, 200) || undefined, res.headers());
    }
    const answer = body.json as IngestResponse | undefined;
    // A 200 that is not an ingest answer (a wrong baseURL hitting some other
    // server) must not count as delivered.
    if (typeof answer?.ingested_count !== 'number') {
      throw new APIError(res.status, undefined, `unexpected answer from ${cfg.baseURL}/events/ingest (is it a Tally server?): ${body.text.slice(0, 100)}`, res.headers());
    }
    return answer;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
