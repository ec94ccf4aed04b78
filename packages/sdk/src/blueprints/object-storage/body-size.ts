/**
 * The size in bytes of an S3 request body when it can be known without
 * reading it: strings (UTF-8), Buffers, typed arrays, ArrayBuffers, Blobs.
 * Streams have no knowable size here (S3 wants ContentLength for them anyway).
 */
export function bodySize(body: unknown): number | undefined {
  if (typeof body === 'string') return Buffer.byteLength(body, 'utf8');
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.size;
  return undefined;
}

/** ContentLength when the caller gave one, else the body's own size. */
export function uploadSize(input: { ContentLength?: unknown; Body?: unknown }): number | undefined {
  const declared = input.ContentLength;
  if (typeof declared === 'number' && Number.isSafeInteger(declared) && declared >= 0) return declared;
  return bodySize(input.Body);
}
