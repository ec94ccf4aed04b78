import { readFile } from 'node:fs/promises';

export interface ReadResult<T> {
  records: T[];
  /** Lines that did not parse; a torn last line after a crash is the usual one. */
  skipped: number;
}

/**
 * Reads a file of JSON lines. A crash can leave the last line half written
 * (no newline, or cut JSON): it is skipped, as is any other line that does
 * not parse, so one bad write never blocks recovery of the rest.
 */
export async function readJsonLines<T>(path: string): Promise<ReadResult<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: 0 };
    throw err;
  }
  const lines = text.split('\n');
  const records: T[] = [];
  let skipped = 0;
  // The part after the last '\n' was never completed.
  const tail = lines.pop();
  if (tail) skipped++;
  for (const line of lines) {
    if (line === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}
