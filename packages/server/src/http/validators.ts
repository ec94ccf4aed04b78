import { Ajv, type Options } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

function ajv(options: Options): Ajv {
  return addFormats(new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, strict: false, ...options }));
}

/**
 * Query strings and path params arrive as text and are coerced to the schema's
 * types; JSON bodies are not, so `{"name": 5}` is a 400 rather than "5".
 */
export function installValidators(app: FastifyInstance): void {
  const strict = ajv({ coerceTypes: false });
  const coercing = ajv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema));
}
