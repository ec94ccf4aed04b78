import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentLength } from '../../api-call/call-facts.js';
import { protoMember, readMember } from './proto-member.js';

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

// Methods and accessors of the response, found once per prototype (see protoMember).
const getHeaderOf = protoMember('getHeader');
const setHeaderOf = protoMember('setHeader');
const writableFinishedOf = protoMember('writableFinished');
const onOf = protoMember('on');

/** res.getHeader(name), without a lookup of `getHeader` on the response. */
export function getHeader(res: ServerResponse, name: string): ReturnType<ServerResponse['getHeader']> {
  return (getHeaderOf(res).value as ServerResponse['getHeader']).call(res, name);
}

/** res.setHeader(name, value), without a lookup of `setHeader` on the response. */
export function setHeader(res: ServerResponse, name: string, value: string): void {
  (setHeaderOf(res).value as ServerResponse['setHeader']).call(res, name, value);
}

/**
 * The body bytes of a finished response: its Content-Length when it had one
 * (what Express and Fastify set for whole bodies), else the bytes its socket
 * wrote since `mark`, less the header block (chunked framing included).
 * Nothing is wrapped or added to the response: own properties on a
 * ServerResponse cost more per request than all the rest of the tracking.
 */
export function nodeResponseBytes(method: string | undefined, statusCode: number, res: ServerResponse, mark: ByteMark): number {
  if (method === 'HEAD' || statusCode === 204 || statusCode === 304) return 0;
  const declared = contentLength(getHeader(res, 'content-length') as string | number | undefined);
  if (declared !== undefined) return declared;
  const header = (res as unknown as { _header?: string | null })._header;
  if (!mark.socket) return 0;
  const written = mark.socket.bytesWritten - mark.at - (typeof header === 'string' ? Buffer.byteLength(header, 'latin1') : 0);
  return Math.max(0, written);
}

/**
 * Calls `onEnd` once the response finished, or the connection closed first
 * (`finished` false), with the request's method and the response's status,
 * each read once, then (a method override may change the method meanwhile).
 * Shared by Express and Fastify.
 */
export function watchNodeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  onEnd: (method: string, statusCode: number, responseBytes: number, finished: boolean) => void,
): void {
  const mark = markBytes(res);
  // 'close' follows 'finish' on node:http responses, and also comes alone when the client left.
  (onOf(res).value as ServerResponse['on']).call(res, 'close', () => {
    const method = req.method ?? 'GET';
    const statusCode = res.statusCode;
    const finished = readMember(writableFinishedOf, res) as boolean;
    onEnd(method, statusCode, nodeResponseBytes(method, statusCode, res, mark), finished);
  });
}

/** The request body size from its Content-Length; 0 for a bodiless request. */
export function nodeRequestBytes(req: IncomingMessage): number | undefined {
  const headers = req.headers;
  const declared = contentLength(headers['content-length']);
  if (declared !== undefined) return declared;
  return headers['transfer-encoding'] ? undefined : 0;
}
