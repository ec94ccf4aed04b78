import type { EventIssue } from '@tally/core';

/** Base class of every error the SDK throws, so one `instanceof` catches them all. */
export class TallyError extends Error {
  override name = 'TallyError';
}

/** The server's JSON error body: `{code, message, details}`. */
export interface ErrorBody {
  code?: string;
  message?: string;
  details?: unknown;
}

/** The server answered with a non-2xx status. Subclasses name the common ones. */
export class APIError extends TallyError {
  override name = 'APIError';
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, when there was one. */
  readonly error: ErrorBody | undefined;
  readonly code: string | undefined;
  readonly details: unknown;

  constructor(status: number, body: ErrorBody | undefined, message: string | undefined, headers: Headers) {
    super(`${status} ${body?.message ?? message ?? 'status code (no body)'}`);
    this.status = status;
    this.headers = headers;
    this.error = body;
    this.code = body?.code;
    this.details = body?.details;
  }

  /** Upstream's name for `status`, kept so code written for it still reads. */
  get statusCode(): number {
    return this.status;
  }

  /** The per-event issues a 400 names (`details.issues`), or an empty list. */
  get issues(): EventIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as EventIssue[]) : [];
  }

  static generate(status: number, body: ErrorBody | undefined, message: string | undefined, headers: Headers): APIError {
    const Kind = STATUS_CLASSES[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new Kind(status, body, message, headers);
  }
}

export class BadRequestError extends APIError { override name = 'BadRequestError'; }
export class AuthenticationError extends APIError { override name = 'AuthenticationError'; }
export class PermissionDeniedError extends APIError { override name = 'PermissionDeniedError'; }
export class NotFoundError extends APIError { override name = 'NotFoundError'; }
export class ConflictError extends APIError { override name = 'ConflictError'; }
export class PayloadTooLargeError extends APIError { override name = 'PayloadTooLargeError'; }
export class UnprocessableEntityError extends APIError { override name = 'UnprocessableEntityError'; }
export class RateLimitError extends APIError { override name = 'RateLimitError'; }
export class InternalServerError extends APIError { override name = 'InternalServerError'; }

const STATUS_CLASSES: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The request never got an answer: DNS, refused connection, reset socket. */
export class APIConnectionError extends TallyError {
  override name = 'APIConnectionError';
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within `timeoutMs`. The server may still have stored the events. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
  constructor(message = 'Request timed out.') {
    super(message);
  }
}

/** An event broke a rule before anything was sent; `issues` names each problem. */
export class ValidationError extends TallyError {
  override name = 'ValidationError';
  readonly issues: EventIssue[];
  constructor(message: string, issues: EventIssue[] = []) {
    super(message);
    this.issues = issues;
  }
}

/** The SDK is set up wrongly, e.g. no API key or base URL. */
export class ConfigurationError extends TallyError {
  override name = 'ConfigurationError';
}
