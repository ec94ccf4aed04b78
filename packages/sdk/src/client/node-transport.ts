import type * as Http from 'node:http';
import type { Transport, TransportAnswer } from './transport.js';

type HttpModule = Pick<typeof Http, 'request' | 'Agent'>;

// Found through process.getBuiltinModule (Node ≥ 20.16), not imported: the
// SDK's core then loads, and bundles, where there is no node:http at all
// (edge runtimes), and there falls back to fetch.
function builtin(name: 'node:http' | 'node:https'): HttpModule | undefined {
  const proc = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return undefined;
  try {
    const mod = proc.getBuiltinModule(name) as Partial<HttpModule> | undefined;
    return typeof mod?.request === 'function' && typeof mod.Agent === 'function' ? (mod as HttpModule) : undefined;
  } catch {
    return undefined;
  }
}

function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/**
 * POSTs over node:http or node:https through a keep-alive agent of its own,
 * so deliveries reuse connections. Undefined where those modules are missing.
 * Idle sockets close after `idleMs`, before a Node server's default 5 s
 * keep-alive timeout would drop them under a request.
 */
export function nodeTransport(baseURL: string, idleMs = 4000): Transport | undefined {
  const http = builtin(/^https:/i.test(baseURL) ? 'node:https' : 'node:http');
  if (!http) return undefined;
  const agent = new http.Agent({ keepAlive: true, timeout: idleMs });
  return (url, { headers, body, signal }) =>
    new Promise<TransportAnswer>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      // Encoded once: its length is the Content-Length, and the socket writes it as is.
      const bytes = Buffer.from(body);
      const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(bytes.length) } });
      // Before the answer, errors reject the request; after it, the body read.
      let fail = reject;
      const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('error', (err) => fail(err));
      req.on('close', () => signal.removeEventListener('abort', onAbort));
      req.on('response', (res) => {
        const text = new Promise<string>((resolveText, rejectText) => {
          fail = rejectText;
          let chunks = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (chunks += chunk));
          res.on('end', () => resolveText(chunks));
          res.on('error', rejectText);
          res.on('close', () => {
            if (!res.complete) rejectText(new Error('the connection closed before the answer was complete'));
          });
        });
        // Read at once, so the socket goes back to the agent even if no one asks for the body.
        text.catch(() => {});
        resolve({ status: res.statusCode ?? 0, headers: () => headersOf(res.rawHeaders), text: () => text });
      });
      req.end(bytes);
    });
}
