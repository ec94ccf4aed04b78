/**
 * Domain errors say what went wrong and whether trying again can help; the
 * HTTP layer (http/error-handler.ts) alone maps them to status codes.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
    /** True when the same request may succeed later unchanged. */
    readonly retryable = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('invalid', message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} does not exist`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details);
  }
}

/** The request's media type or encoding is not one this server reads. */
export class UnsupportedMediaError extends DomainError {
  constructor(message: string) {
    super('unsupported', message);
  }
}

/** The database cannot be reached; the request can be retried unchanged. */
export class StoreUnavailableError extends DomainError {
  constructor(message: string, readonly cause?: unknown) {
    super('unavailable', message, undefined, true);
  }
}
