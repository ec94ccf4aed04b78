const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Reads `len` ASCII digits at `at`, or -1. Hand-rolled: this runs for every event. */
function digits(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Parses an RFC 3339 date-time (`2024-01-15T10:30:00Z`, `…T10:30:00.123+05:30`;
 * 't', 'z' and a space separator as RFC 3339 allows) to epoch milliseconds, or
 * undefined. Stricter than Date.parse, which rolls 2024-02-30 into March.
 */
export function parseTimestamp(s: string): number | undefined {
  if (s.length < 20 || s[4] !== '-' || s[7] !== '-' || s[13] !== ':' || s[16] !== ':') return undefined;
  const sep = s[10];
  if (sep !== 'T' && sep !== 't' && sep !== ' ') return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  let i = 19;
  let ms = 0;
  if (s[i] === '.') {
    const start = ++i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const len = i - start;
    if (len < 1 || len > 9) return undefined;
    ms = Math.floor(digits(s, start, Math.min(len, 3)) * 10 ** (3 - Math.min(len, 3)));
  }
  let offsetMin = 0;
  const z = s[i];
  if ((z === 'Z' || z === 'z') && i + 1 === s.length) {
    // UTC
  } else if ((z === '+' || z === '-') && i + 6 === s.length && s[i + 3] === ':') {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMin = (z === '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000;
}

/** Epoch milliseconds to the canonical wire form, e.g. 2024-01-15T10:30:00.000Z. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
