import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentLength } from './call-facts.js';

/**
 * The socket and its bytes written when a response started. The socket is
 * kept because node:http detaches it from the response as soon as it finishes.
 */
export interface ByteMark {
  socket: { bytesWritten: number } | null;
  at: number;
}

export function markBytes(res: ServerResponse): ByteMark {
  const socket = res.socket;
  return { socket, at: socket?.bytesWritten ?? 0 };
}

/**
 * The body bytes of a finished response: its Content-Length when it had one
 * (what Express and Fastify set for whole bodies), else the bytes its socket
 * wrote since `mark`, less the header block (chunked framing included).
 * Nothing is wrapped or added to the response: own properties on a
 * ServerResponse cost more per request than all the rest of the tracking.
 */
export function nodeResponseBytes(req: IncomingMessage, res: ServerResponse, mark: ByteMark): number {
  if (req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return 0;
  const declared = contentLength(res.getHeader('content-length') as string | number | undefined);
  if (declared !== undefined) return declared;
  const header = (res as unknown as { _header?: string | null })._header;
  if (!mark.socket) return 0;
  const written = mark.socket.bytesWritten - mark.at - (typeof header === 'string' ? Buffer.byteLength(header, 'latin1') : 0);
  return Math.max(0, written);
}

/**
 * Calls `onEnd` once the response finished, or the connection closed first
 * (`finished` false). Shared by Express and Fastify.
 */
export function watchNodeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  onEnd: (responseBytes: number, finished: boolean) => void,
): void {
  const mark = markBytes(res);
  // 'close' follows 'finish' on node:http responses, and also comes alone when the client left.
  onClose(res, () => onEnd(nodeResponseBytes(req, res, mark), res.writableFinished));
}

// `res.on`, found once per response prototype. Express gives every response a
// new hidden class, so looking `on` up on the response itself walks its whole
// prototype chain on every request.
let lastProto: object | null = null;
let lastOn: ServerResponse['on'] | undefined;
function onClose(res: ServerResponse, listener: () => void): void {
  const proto = Object.getPrototypeOf(res) as ServerResponse | null;
  if (proto !== lastProto || !lastOn) {
    lastProto = proto;
    lastOn = proto?.on ?? res.on;
  }
  lastOn.call(res, 'close', listener);
}

/** The request body size from its Content-Length; 0 for a bodiless request. */
export function nodeRequestBytes(req: IncomingMessage): number | undefined {
  const declared = contentLength(req.headers['content-length']);
  if (declared !== undefined) return declared;
  return req.headers['transfer-encoding'] ? undefined : 0;
}
