const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix = 'cus' | 'mtr' | 'key' | 'pln' | 'sub' | 'lim';

/**
 * A prefixed random ID such as `cus_3kT9…`: 22 base62 characters (~131 bits).
 * Uses the Web Crypto API, present in Node 20 and browsers alike.
 */
export function newId(prefix: IdPrefix, length = 22): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = `${prefix}_`;
  // 62 * 4 = 248: rejecting bytes >= 248 keeps every character equally likely.
  let i = 0;
  while (out.length < prefix.length + 1 + length) {
    if (i === bytes.length) {
      globalThis.crypto.getRandomValues(bytes);
      i = 0;
    }
    const b = bytes[i++]!;
    if (b < 248) out += ALPHABET[b % 62];
  }
  return out;
}
