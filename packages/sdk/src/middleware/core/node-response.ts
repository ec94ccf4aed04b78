import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentLength } from './call-facts.js';

export interface NodeCallEnd {
  /** Body bytes written by the app (compressed ones when compression sits inside). */
  responseBytes: number;
  /** False when the connection closed before the response was complete. */
  finished: boolean;
}

function chunkBytes(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/**
 * Counts the body bytes of a Node response and calls `onEnd` once, when it
 * finished or the connection closed first. Shared by the Express and Fastify
 * adapters, which both sit on node:http.
 */
export function watchNodeResponse(res: ServerResponse, onEnd: (end: NodeCallEnd) => void): void {
  let bytes = 0;
  const write = res.write;
  const end = res.end;
  // apply(arguments): the original sees exactly the caller's arguments, at no spread cost.
  res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown) {
    bytes += chunkBytes(chunk, encoding);
    // eslint-disable-next-line prefer-rest-params
    return (write as (...a: unknown[]) => boolean).apply(this, arguments as unknown as unknown[]);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown) {
    if (chunk != null && typeof chunk !== 'function') bytes += chunkBytes(chunk, encoding);
    // eslint-disable-next-line prefer-rest-params
    return (end as (...a: unknown[]) => ServerResponse).apply(this, arguments as unknown as unknown[]);
  } as ServerResponse['end'];
  // 'close' follows 'finish' on node:http responses, and also comes alone when the client left.
  res.on('close', () => onEnd({ responseBytes: bytes, finished: res.writableFinished }));
}

/** The request body size from its Content-Length; 0 for a bodiless request. */
export function nodeRequestBytes(req: IncomingMessage): number | undefined {
  const declared = contentLength(req.headers['content-length']);
  if (declared !== undefined) return declared;
  return req.headers['transfer-encoding'] ? undefined : 0;
}
