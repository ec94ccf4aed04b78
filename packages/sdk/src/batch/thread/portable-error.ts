import type { EventIssue } from '@tally/core';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  ConfigurationError,
  TallyError,
  ValidationError,
  type ErrorBody,
} from '../../client/errors.js';

// The SDK's own errors without a class of their own here (QueueFullError's module imports the batch).
const TALLY_NAMES = new Set(['TallyError', 'QueueFullError']);

/** An error as it crosses from the worker: enough to rebuild the SDK's own class on the other side. */
export interface PortableError {
  name: string;
  message: string;
  stack?: string;
  status?: number;
  body?: ErrorBody;
  headers?: Array<[string, string]>;
  issues?: EventIssue[];
}

export function toPortable(error: unknown): PortableError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const p: PortableError = { name: error.name, message: error.message, stack: error.stack };
  if (error instanceof APIError) {
    p.status = error.status;
    p.body = error.error;
    p.headers = [...error.headers];
  }
  if (error instanceof ValidationError) p.issues = error.issues;
  return p;
}

/**
 * The error again, as an instance of the class it was in the worker (so
 * `instanceof RateLimitError` still holds in the app), message and stack kept.
 */
export function revive(p: PortableError): Error {
  const e =
    p.status !== undefined ? APIError.generate(p.status, p.body, undefined, new Headers(p.headers)) :
    p.name === 'APIConnectionTimeoutError' ? new APIConnectionTimeoutError() :
    p.name === 'APIConnectionError' ? new APIConnectionError() :
    p.name === 'ValidationError' ? new ValidationError(p.message, p.issues) :
    p.name === 'ConfigurationError' ? new ConfigurationError(p.message) :
    TALLY_NAMES.has(p.name) ? new TallyError(p.message) :
    new Error(p.message);
  e.message = p.message;
  if (p.name !== e.name) e.name = p.name;
  if (p.stack) e.stack = p.stack;
  return e;
}
