import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorKind } from '../errors/domain-error.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported: 415,
  unavailable: 503,
};

// Fastify's own errors, by code, mapped to ours with a message a user can act on.
const FASTIFY: Record<string, [number, string, string?]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [422, 'malformed_json', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [422, 'malformed_json', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'send Content-Type: application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  Z_DATA_ERROR: [400, 'bad_request', 'the compressed body is corrupt'],
  Z_BUF_ERROR: [400, 'bad_request', 'the compressed body is truncated'],
};

export interface ErrorReply {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one place errors become HTTP replies `{code, message, details}`. Only
 * what turns into a 5xx is logged as an error: 4xx are the client's business.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let body: ErrorReply = { code: 'internal_error', message: 'internal server error' };
    if (err instanceof DomainError) {
      status = STATUS[err.kind];
      body = { code: err.kind === 'invalid' ? 'invalid_request' : err.kind, message: err.message };
      if (err.details) body.details = err.details;
      if (err.retryable) reply.header('Retry-After', '5');
    } else if (err.validation) {
      status = 400;
      const issues = err.validation.map((v) => ({
        field: `${err.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'is invalid',
      }));
      body = { code: 'invalid_request', message: err.message, details: { issues } };
    } else if (err.code && FASTIFY[err.code]) {
      const [s, code, message] = FASTIFY[err.code]!;
      status = s;
      body = { code, message: message ?? err.message };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = { code: 'bad_request', message: err.message };
    }
    if (status >= 500) req.log.error({ err }, 'request failed');
    reply.code(status).type('application/json').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
}
