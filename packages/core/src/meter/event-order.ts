/**
 * Compares strings by Unicode code point, which is also UTF-8 byte order: the
 * order SQLite (BINARY) and PostgreSQL (COLLATE "C") use. JavaScript's `<`
 * compares UTF-16 code units instead, which differs for characters above
 * U+FFFF versus U+E000–U+FFFF; rollups and SQL must agree on ties.
 */
export function compareCodePoints(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Lift surrogates (D800–DFFF) above E000–FFFF to get code point order.
    if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
    if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * Whether event (tsA, idA) comes after event (tsB, idB) for the `last`
 * aggregation: the later timestamp wins, and on equal timestamps the greater
 * event_id (by code point).
 */
export function isLaterEvent(tsA: number, idA: string, tsB: number, idB: string): boolean {
  return tsA > tsB || (tsA === tsB && compareCodePoints(idA, idB) > 0);
}
