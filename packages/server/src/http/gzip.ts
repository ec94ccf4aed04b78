import { createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { UnsupportedMediaError } from '../errors/domain-error.js';

/**
 * Accepts Content-Encoding gzip/deflate request bodies. The body limit still
 * applies to the decompressed bytes, so a small bomb cannot grow unchecked.
 */
export function acceptCompressedBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (req, _reply, payload) => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
    if (encoding === 'identity') return payload;
    const inflate = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : undefined;
    if (!inflate) {
      throw new UnsupportedMediaError(`Content-Encoding ${encoding} is not supported; use gzip or deflate`);
    }
    let encoded = 0;
    // Fastify checks Content-Length against this count of bytes on the wire.
    payload.on('data', (chunk: Buffer) => {
      encoded += chunk.length;
      (inflate as unknown as { receivedEncodedLength: number }).receivedEncodedLength = encoded;
    });
    payload.on('error', (err) => inflate.destroy(err));
    return payload.pipe(inflate);
  });
}
