import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Request {
  method: string;
  path: string;
  query: URLSearchParams;
  bodyBytes: number;
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

/**
 * Enough of S3's REST API (path style) for PutObject and multipart uploads,
 * replying as S3 documents: 200 with an ETag header, XML results, and XML
 * errors. `failNext` makes the next request fail with an S3 error.
 */
export class FakeS3Server {
  readonly requests: S3Request[] = [];
  failNext: { status: number; code: string; message: string } | undefined;
  private uploads = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeS3Server> {
    const server = createServer();
    const fake = new FakeS3Server(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let bodyBytes = 0;
    for await (const chunk of req) bodyBytes += (chunk as Buffer).length;
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const method = req.method ?? '';
    this.requests.push({ method, path: url.pathname, query: url.searchParams, bodyBytes });
    const [, bucket, ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const requestId = `req-${this.requests.length}`;
    if (this.failNext) {
      const { status, code, message } = this.failNext;
      this.failNext = undefined;
      res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
      res.end(xml(`<Error><Code>${code}</Code><Message>${message}</Message><Resource>/${bucket}/${key}</Resource><RequestId>${requestId}</RequestId></Error>`));
      return;
    }
    const q = url.searchParams;
    if (method === 'POST' && q.has('uploads')) {
      const uploadId = `upload-${++this.uploads}`;
      return this.xml(res, `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
    }
    if (method === 'POST' && q.has('uploadId')) {
      return this.xml(res, `<CompleteMultipartUploadResult><Location>${this.url}/${bucket}/${key}</Location><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"3858f62230ac3c915f300c664312c11f-2"</ETag></CompleteMultipartUploadResult>`);
    }
    if (method === 'DELETE' && q.has('uploadId')) {
      res.writeHead(204, { 'x-amz-request-id': requestId });
      res.end();
      return;
    }
    if (method === 'PUT') {
      res.writeHead(200, { etag: '"d41d8cd98f00b204e9800998ecf8427e"', 'x-amz-request-id': requestId, 'content-length': '0' });
      res.end();
      return;
    }
    res.writeHead(405, { 'content-type': 'application/xml' });
    res.end(xml(`<Error><Code>MethodNotAllowed</Code><Message>not faked</Message></Error>`));
  }

  private xml(res: ServerResponse, body: string): void {
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end(xml(body));
  }
}
