/** The status line and headers of an answer; its body is read on demand, like fetch's Response. */
export interface TransportAnswer {
  status: number;
  /** The answer's headers, built when asked for (errors need them; most answers do not). */
  headers(): Headers;
  /** The whole body as text; rejects if the connection breaks first. */
  text(): Promise<string>;
}

export interface TransportRequest {
  headers: Record<string, string>;
  body: string;
  /** Aborting it tears the request down, also while the body is read. */
  signal: AbortSignal;
}

/**
 * How the client POSTs: over node:http where it can (a keep-alive agent of
 * its own, far cheaper per delivery than fetch), else over fetch. Rejects
 * with the underlying error when no answer came.
 */
export type Transport = (url: string, request: TransportRequest) => Promise<TransportAnswer>;
