import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One SSE message; `data` objects are sent as JSON, strings as they are. */
export interface SseMessage {
  event?: string;
  data: unknown;
}

export interface FakeReply {
  status?: number;
  json?: unknown;
  sse?: SseMessage[];
  /** Stop the stream (destroy the socket) after this many SSE messages. */
  cutAfter?: number;
  headers?: Record<string, string>;
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: any;
}

type Handler = (req: SeenRequest) => FakeReply;

/**
 * A local stand-in for an LLM provider's HTTP API: replays the JSON and SSE
 * shapes each provider documents, and keeps the requests it saw, so the real
 * SDK packages can be driven without network.
 */
export class FakeProviderServer {
  readonly requests: SeenRequest[] = [];
  private readonly routes = new Map<string, Handler>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeProviderServer> {
    const server = createServer();
    const fake = new FakeProviderServer(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Routes by method and path (query ignored); the latest registration wins. */
  on(method: string, path: string, reply: FakeReply | Handler): this {
    this.routes.set(`${method} ${path}`, typeof reply === 'function' ? reply : () => reply);
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
    this.requests.push(seen);
    const handler = this.routes.get(`${seen.method} ${seen.url.split('?')[0]}`);
    const reply = handler ? handler(seen) : { status: 404, json: { error: { message: `no fake route for ${seen.method} ${seen.url}` } } };
    if (reply.sse) return this.stream(res, reply);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json ?? {}));
  }

  private async stream(res: ServerResponse, reply: FakeReply): Promise<void> {
    res.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
    let sent = 0;
    for (const message of reply.sse ?? []) {
      if (reply.cutAfter !== undefined && sent >= reply.cutAfter) {
        res.destroy();
        return;
      }
      const data = typeof message.data === 'string' ? message.data : JSON.stringify(message.data);
      res.write(`${message.event ? `event: ${message.event}\n` : ''}data: ${data}\n\n`);
      sent++;
      // Separate writes so clients really parse a stream, not one buffered body.
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  }
}
